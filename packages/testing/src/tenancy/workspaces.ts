import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { expectErr, expectOk } from "../expect-result.js";
import { tenancyWorld } from "./penguinmails.js";
import {
  auditRows,
  type Call,
  expectDenied,
  expectInvalid,
  expectNoChange,
  tenantRows,
} from "./support.js";

/** Workspaces, their assignees, and the plan's workspace limit. */
export const workspacesGroup = defineGroup("tenancy: workspaces", (test) => {
  test("an admin creates, reads and renames a workspace; each change is audited", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    const ws = expectOk(await a.as.admin.workspaces.create({ name: "Globex" }));
    expect(expectOk(await a.as.owner.workspaces.get(ws.id))).toEqual(ws);
    const renamed = expectOk(await a.as.admin.workspaces.rename(ws.id, { name: "Globex Client" }));
    expect(renamed.name).toBe("Globex Client");
    expect(await tenantRows(inspect, "workspaces", a.tenantId)).toContainEqual(
      expect.objectContaining({ id: ws.id, name: "Globex Client", status: "active" }),
    );
    const events = (await auditRows(inspect, a.tenantId)).slice(-2);
    expect(events).toEqual([
      {
        action: "workspace.create",
        actorId: a.ids.admin,
        target: { type: "workspace", id: ws.id },
      },
      {
        action: "workspace.rename",
        actorId: a.ids.admin,
        target: { type: "workspace", id: ws.id },
      },
    ]);
  });

  test("a workspace name is unique in its tenant (but not across tenants)", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    expectErr(
      await expectNoChange(inspect, () => a.as.owner.workspaces.create({ name: "Outreach" })),
      "CONFLICT",
    );
    expectErr(
      await expectNoChange(inspect, () =>
        a.as.owner.workspaces.rename(a.ws2, { name: "Outreach" }),
      ),
      "CONFLICT",
    );
  });

  test("invalid workspace input is VALIDATION naming the field", async ({ adapter, inspect }) => {
    const { a } = await tenancyWorld(adapter);
    expectInvalid(
      await expectNoChange(inspect, () => a.as.owner.workspaces.create({ name: "" })),
      "name",
    );
    const extra = { name: "Ok", color: "red" } as { name: string };
    expectInvalid(await expectNoChange(inspect, () => a.as.owner.workspaces.create(extra)), "");
    expectErr(await a.as.owner.workspaces.get("ws-1"), "VALIDATION");
  });

  test("archive and unarchive change the status once and are audited", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    expect(expectOk(await a.as.admin.workspaces.archive(a.ws2)).status).toBe("archived");
    expectOk(await a.as.admin.workspaces.archive(a.ws2), "archiving twice is a no-op");
    const archived = expectOk(await a.as.owner.workspaces.list({ status: "archived" }));
    expect(archived.items.map((w) => w.id)).toEqual([a.ws2]);
    expect(expectOk(await a.as.owner.workspaces.unarchive(a.ws2)).status).toBe("active");
    const actions = (await auditRows(inspect, a.tenantId)).map((e) => e.action);
    expect(actions.filter((x) => x.startsWith("workspace.") && x.includes("archive"))).toEqual([
      "workspace.archive",
      "workspace.unarchive",
    ]);
  });

  test("deleting a workspace removes its resources, assignments and overrides only", async ({
    adapter,
    inspect,
  }) => {
    const { a, b } = await tenancyWorld(adapter);
    expectOk(await a.as.owner.settings.overrideForWorkspace(a.ws1, { signature: "Bye" }));
    expectOk(
      await a.as.owner.resources("campaign").create({
        workspaceId: a.ws2,
        data: { subject: "Stays", status: "draft" },
      }),
    );
    const bBefore = await tenantRows(inspect, "resources", b.tenantId);
    expectOk(await a.as.admin.workspaces.delete(a.ws1));
    const resources = await tenantRows(inspect, "resources", a.tenantId);
    expect(resources.filter((r) => r.workspaceId === a.ws1)).toEqual([]);
    expect(resources.map((r) => r.id)).toContain(a.campaign2);
    expect(resources.map((r) => r.id)).toContain(a.template);
    expect(await tenantRows(inspect, "assignments", a.tenantId)).toEqual([]);
    expect(await tenantRows(inspect, "workspace_settings", a.tenantId)).toEqual([]);
    expect(await tenantRows(inspect, "resources", b.tenantId)).toEqual(bBefore);
    expectErr(await a.as.owner.workspaces.get(a.ws1), "NOT_FOUND", "workspace");
    expect((await auditRows(inspect, a.tenantId)).at(-1)?.action).toBe("workspace.delete");
  });

  test("the plan's workspace limit refuses one more, and a delete makes room", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter, { plan: "starter" });
    const full = await expectNoChange(inspect, () =>
      a.as.owner.workspaces.create({ name: "Third" }),
    );
    expect(expectErr(full, "LIMIT_EXCEEDED")).toMatchObject({ limit: "workspaces", max: 2 });
    expectOk(await a.as.owner.workspaces.archive(a.ws2));
    expectErr(await a.as.owner.workspaces.create({ name: "Third" }), "LIMIT_EXCEEDED");
    expectOk(await a.as.owner.workspaces.delete(a.ws2));
    expectOk(await a.as.owner.workspaces.create({ name: "Third" }));
  });

  test("owners and admins list every workspace; a member lists assigned ones", async ({
    adapter,
  }) => {
    const { a } = await tenancyWorld(adapter);
    const list = async (role: "owner" | "admin" | "member") =>
      expectOk(await a.as[role].workspaces.list()).items.map((w) => w.id);
    expect(await list("owner")).toEqual([a.ws1, a.ws2]);
    expect(await list("admin")).toEqual([a.ws1, a.ws2]);
    expect(await list("member")).toEqual([a.ws1]);
    const page = expectOk(await a.as.owner.workspaces.list({ limit: 1 }));
    expect(page.items.map((w) => w.id)).toEqual([a.ws1]);
    const next = expectOk(await a.as.owner.workspaces.list({ limit: 1, after: String(page.next) }));
    expect(next.items.map((w) => w.id)).toEqual([a.ws2]);
  });

  test("assign and unassign change what a member sees, and who is listed", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    expectOk(await a.as.admin.workspaces.assign(a.ws2, a.ids.member));
    const assignees = expectOk(await a.as.admin.workspaces.assignees(a.ws2));
    expect(assignees.map((x) => x.userId)).toEqual([a.ids.member]);
    const seen = expectOk(await a.as.member.workspaces.list()).items.map((w) => w.id);
    expect(seen).toEqual([a.ws1, a.ws2]);
    expectErr(
      await expectNoChange(inspect, () => a.as.admin.workspaces.assign(a.ws2, a.ids.member)),
      "CONFLICT",
    );
    expectOk(await a.as.owner.workspaces.unassign(a.ws2, a.ids.member));
    expectErr(
      await expectNoChange(inspect, () => a.as.owner.workspaces.unassign(a.ws2, a.ids.member)),
      "NOT_FOUND",
      "assignment",
    );
    expect(expectOk(await a.as.member.workspaces.list()).items.map((w) => w.id)).toEqual([a.ws1]);
    const actions = (await auditRows(inspect, a.tenantId)).slice(-2).map((e) => e.action);
    expect(actions).toEqual(["workspace.assign", "workspace.unassign"]);
  });

  test("a member cannot manage workspaces, not even their own", async ({ adapter, inspect }) => {
    const { a } = await tenancyWorld(adapter);
    const m = a.as.member.workspaces;
    const attempts: Record<string, Call> = {
      create: () => m.create({ name: "Mine" }),
      rename: () => m.rename(a.ws1, { name: "Mine" }),
      archive: () => m.archive(a.ws1),
      unarchive: () => m.unarchive(a.ws1),
      delete: () => m.delete(a.ws1),
      assign: () => m.assign(a.ws1, a.ids.admin),
      unassign: () => m.unassign(a.ws1, a.ids.member),
    };
    for (const [name, call] of Object.entries(attempts)) {
      expectDenied(await expectNoChange(inspect, call), name);
    }
  });
});
