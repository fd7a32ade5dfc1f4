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

const sale = { subject: "Summer sale", status: "draft" } as const;

/** Typed resources through the scope, checked by the policy, listed through its filter. */
export const resourcesGroup = defineGroup("tenancy: resources", (test) => {
  test("a member creates, reads, updates and deletes a campaign in their workspace", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    const campaigns = a.as.member.resources("campaign");
    const made = expectOk(await campaigns.create({ workspaceId: a.ws1, data: sale }));
    expect(made).toMatchObject({ type: "campaign", workspaceId: a.ws1, version: 1, data: sale });
    expect(made.createdBy).toBe(a.ids.member);
    expect(expectOk(await campaigns.get(made.id)).data.subject).toBe("Summer sale");
    const sent = expectOk(await campaigns.update(made.id, { ...sale, status: "sent" }));
    expect([sent.version, sent.data.status]).toEqual([2, "sent"]);
    expect(await tenantRows(inspect, "resources", a.tenantId)).toContainEqual(
      expect.objectContaining({ id: made.id, version: 2, data: { ...sale, status: "sent" } }),
    );
    expectOk(await campaigns.delete(made.id));
    expectErr(await campaigns.get(made.id), "NOT_FOUND", "resource");
    const events = (await auditRows(inspect, a.tenantId)).slice(-3);
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["campaign.create", a.ids.member],
      ["campaign.update", a.ids.member],
      ["campaign.delete", a.ids.member],
    ]);
  });

  test("a workspace type needs a workspace; a tenant type refuses one", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    const noWorkspace = () => a.as.owner.resources("campaign").create({ data: sale });
    expectInvalid(await expectNoChange(inspect, noWorkspace), "workspaceId");
    const withWorkspace = () =>
      a.as.owner
        .resources("template")
        .create({ workspaceId: a.ws1, data: { name: "T", html: "" } });
    expectInvalid(await expectNoChange(inspect, withWorkspace), "workspaceId");
  });

  test("a member works only in assigned workspaces: FORBIDDEN elsewhere", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    const campaigns = a.as.member.resources("campaign");
    const attempts: Record<string, Call> = {
      create: () => campaigns.create({ workspaceId: a.ws2, data: sale }),
      get: () => campaigns.get(a.campaign2),
      update: () => campaigns.update(a.campaign2, sale),
      delete: () => campaigns.delete(a.campaign2),
      list: () => campaigns.list({ workspaceId: a.ws2 }),
    };
    for (const [name, call] of Object.entries(attempts)) {
      expectDenied(await expectNoChange(inspect, call), name);
    }
  });

  test("tenant-scoped templates: members read, owners and admins write", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    const mine = a.as.member.resources("template");
    expect(expectOk(await mine.get(a.template)).data.name).toBe("Newsletter");
    expect(expectOk(await mine.list()).items.map((t) => t.id)).toEqual([a.template]);
    const data = { name: "Promo", html: "<b>Now</b>" };
    expectDenied(await expectNoChange(inspect, () => mine.create({ data })), "create");
    expectDenied(await expectNoChange(inspect, () => mine.update(a.template, data)), "update");
    expectDenied(await expectNoChange(inspect, () => mine.delete(a.template)), "delete");
    const made = expectOk(await a.as.admin.resources("template").create({ data }));
    expect(made.workspaceId).toBeNull();
    expectOk(await a.as.admin.resources("template").update(a.template, data));
    expectOk(await a.as.owner.resources("template").delete(made.id));
  });

  test("list goes through the policy's filter: a member sees assigned workspaces only", async ({
    adapter,
  }) => {
    const { a } = await tenancyWorld(adapter);
    const ids = async (role: "owner" | "admin" | "member") =>
      expectOk(await a.as[role].resources("campaign").list()).items.map((c) => c.id);
    expect(await ids("owner")).toEqual([a.campaign1, a.campaign2]);
    expect(await ids("admin")).toEqual([a.campaign1, a.campaign2]);
    expect(await ids("member")).toEqual([a.campaign1]);
    const mine = await a.as.member.resources("campaign").list({ workspaceId: a.ws1 });
    expect(expectOk(mine).items.map((c) => c.id)).toEqual([a.campaign1]);
    const domains = expectOk(await a.as.member.resources("domain").list()).items;
    expect(domains.map((d) => d.data.hostname)).toEqual(["mail.penguin.example"]);
  });

  test("pages of a filtered list are full and follow each other", async ({ adapter }) => {
    const { a } = await tenancyWorld(adapter);
    const campaigns = a.as.owner.resources("campaign");
    const made: string[] = [a.campaign1];
    for (let i = 0; i < 4; i++) {
      // Interleave the two workspaces, so that the member's filter skips every other row.
      made.push(expectOk(await campaigns.create({ workspaceId: a.ws1, data: sale })).id);
      expectOk(await campaigns.create({ workspaceId: a.ws2, data: sale }));
    }
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 3; page++) {
      const query = after === undefined ? { limit: 2 } : { limit: 2, after };
      const got = expectOk(await a.as.member.resources("campaign").list(query));
      seen.push(...got.items.map((c) => c.id));
      expect(got.items.length, `page ${page}`).toBe(page < 2 ? 2 : 1);
      after = got.next ?? undefined;
    }
    expect(after).toBeUndefined();
    expect(seen).toEqual(made);
  });

  test("expectedVersion guards an update: a stale version is CONFLICT", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    const campaigns = a.as.admin.resources("campaign");
    const fresh = expectOk(await campaigns.update(a.campaign1, sale, { expectedVersion: 1 }));
    expect(fresh.version).toBe(2);
    const stale = () =>
      campaigns.update(a.campaign1, { ...sale, status: "sent" }, { expectedVersion: 1 });
    expectErr(await expectNoChange(inspect, stale), "CONFLICT", "resource");
  });

  test("an archived workspace refuses resource writes but still reads", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    expectOk(await a.as.admin.workspaces.archive(a.ws1));
    const campaigns = a.as.member.resources("campaign");
    const writes: Record<string, Call> = {
      create: () => campaigns.create({ workspaceId: a.ws1, data: sale }),
      update: () => campaigns.update(a.campaign1, sale),
      delete: () => campaigns.delete(a.campaign1),
    };
    for (const [name, call] of Object.entries(writes)) {
      expectErr(await expectNoChange(inspect, call), "INVARIANT", undefined, name);
    }
    expectOk(await campaigns.get(a.campaign1));
    expectOk(await a.as.admin.workspaces.unarchive(a.ws1));
    expectOk(await campaigns.update(a.campaign1, sale));
  });

  const invalid: Record<string, [unknown, string]> = {
    "an empty subject": [{ subject: "", status: "draft" }, "data.subject"],
    "an unknown status": [{ subject: "Hi", status: "lost" }, "data.status"],
    "an undeclared field": [{ subject: "Hi", status: "draft", colour: "red" }, "data"],
    "no data": [undefined, "data"],
  };
  for (const [name, [data, path]] of Object.entries(invalid)) {
    test(`campaign data with ${name} is VALIDATION naming '${path}'`, async ({
      adapter,
      inspect,
    }) => {
      const { a } = await tenancyWorld(adapter);
      const campaigns = a.as.member.resources("campaign");
      const typed = data as typeof sale;
      const create = () => campaigns.create({ workspaceId: a.ws1, data: typed });
      expectInvalid(await expectNoChange(inspect, create), path, "create");
      expectInvalid(
        await expectNoChange(inspect, () => campaigns.update(a.campaign1, typed)),
        path,
        "update",
      );
    });
  }

  test("an undeclared type, or another type's id, finds nothing", async ({ adapter }) => {
    const { a } = await tenancyWorld(adapter);
    const unknown = a.as.owner.resources("invoice" as "campaign");
    expectInvalid(await unknown.list(), "type");
    expectErr(await a.as.owner.resources("domain").get(a.campaign1), "NOT_FOUND", "resource");
  });
});
