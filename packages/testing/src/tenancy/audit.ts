import { type RookeryAdapter, RookeryErrors, type UserId } from "@rookery/core";
import type { TenantUnit } from "@rookery/core/adapter";
import { errAsync } from "neverthrow";
import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { expectErr, expectOk } from "../expect-result.js";
import { penguinTenancy, tenancyWorld, type WorldTenant } from "./penguinmails.js";
import {
  auditRows,
  type Call,
  expectDenied,
  expectInvalid,
  expectNoChange,
  signedUp,
  tenantRows,
} from "./support.js";

/** Every change of the services, with the action and actor its event must carry. */
function changes(t: WorldTenant, newcomer: UserId): [Call, string, keyof WorldTenant["ids"]][] {
  const sale = { subject: "Autumn", status: "draft" } as const;
  return [
    [() => t.as.owner.subscription.changePlan("starter"), "subscription.change_plan", "owner"],
    [() => t.as.owner.subscription.changePlan("growth"), "subscription.change_plan", "owner"],
    [() => t.as.owner.members.add({ userId: newcomer }), "member.add", "owner"],
    [() => t.as.admin.invitations.create({ email: "kim@x.example" }), "invitation.create", "admin"],
    [() => t.as.admin.members.changeRole(t.ids.member, "admin"), "member.role_change", "admin"],
    [() => t.as.owner.members.changeRole(t.ids.member, "member"), "member.role_change", "owner"],
    [() => t.as.admin.workspaces.rename(t.ws2, { name: "Letters" }), "workspace.rename", "admin"],
    [() => t.as.admin.workspaces.archive(t.ws2), "workspace.archive", "admin"],
    [() => t.as.admin.workspaces.unarchive(t.ws2), "workspace.unarchive", "admin"],
    [() => t.as.admin.workspaces.assign(t.ws2, t.ids.member), "workspace.assign", "admin"],
    [() => t.as.admin.workspaces.unassign(t.ws2, t.ids.member), "workspace.unassign", "admin"],
    [() => t.as.owner.subscription.setStatus("past_due"), "subscription.set_status", "owner"],
    [() => t.as.admin.settings.update({ signature: "Hi" }), "settings.update", "admin"],
    [
      () => t.as.admin.settings.overrideForWorkspace(t.ws1, { trackOpens: false }),
      "settings.override",
      "admin",
    ],
    [
      () => t.as.member.resources("campaign").update(t.campaign1, sale),
      "campaign.update",
      "member",
    ],
    [() => t.as.member.resources("contact").delete(t.contact1), "contact.delete", "member"],
    [
      () => t.as.admin.resources("template").create({ data: { name: "T", html: "" } }),
      "template.create",
      "admin",
    ],
    [() => t.as.owner.workspaces.delete(t.ws2), "workspace.delete", "owner"],
    [() => t.as.owner.members.transferOwnership(t.ids.admin), "ownership.transfer", "owner"],
    [() => t.as.member.members.leave(), "member.remove", "member"],
  ];
}

/** The audit log records every change, in the change's unit, for its tenant only. */
export const auditGroup = defineGroup("tenancy: audit log", (test) => {
  test("every change writes one event with its action, actor, target and time", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, clock, a } = await tenancyWorld(adapter);
    const mia = await signedUp(tenancy, "mia@x.example");
    for (const [call, action, actor] of changes(a, mia.id)) {
      clock.advance(1_000);
      const before = (await auditRows(inspect, a.tenantId)).length;
      expectOk(await call(), action);
      const events = await tenantRows(inspect, "audit_events", a.tenantId);
      expect(events, action).toHaveLength(before + 1);
      const last = [...events].sort((x, y) => String(x.id).localeCompare(String(y.id))).at(-1);
      expect(last, action).toMatchObject({ action, actorId: a.ids[actor] });
      expect(last?.at, action).toBe(clock.now().toISOString());
    }
  });

  test("an event keeps what changed: before and after", async ({ adapter }) => {
    const { a } = await tenancyWorld(adapter);
    expectOk(await a.as.admin.members.changeRole(a.ids.member, "admin"));
    const page = expectOk(await a.as.owner.audit.list({ limit: 500 }));
    expect(page.items.at(-1)).toMatchObject({
      tenantId: a.tenantId,
      action: "member.role_change",
      actorId: a.ids.admin,
      target: { type: "user", id: a.ids.member },
      before: { role: "member" },
      after: { role: "admin" },
    });
  });

  test("a failed call writes no event", async ({ adapter, inspect }) => {
    const { tenancy, a } = await tenancyWorld(adapter, { plan: "starter" });
    const mia = await signedUp(tenancy, "mia@a.example");
    const failures: Call[] = [
      () => a.as.member.workspaces.create({ name: "Mine" }),
      () => a.as.owner.workspaces.create({ name: "Third" }),
      () => a.as.owner.members.add({ userId: mia.id }),
      () => a.as.member.invitations.create({ email: "kim@a.example" }),
      () => a.as.admin.settings.update({ trackOpens: "yes" }),
      () => a.as.owner.workspaces.create({ name: "Outreach" }),
      () => a.as.admin.members.remove(a.ids.owner),
      () => a.as.member.resources("campaign").update(a.campaign2, { subject: "x", status: "sent" }),
    ];
    for (const call of failures) {
      expect((await expectNoChange(inspect, call)).isErr()).toBe(true);
    }
  });

  test("the event is written in the change's unit: a failed append undoes the change", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy: world, ids, clock, a } = await tenancyWorld(adapter);
    const mia = await signedUp(world, "mia@a.example");
    const noAudit = (unit: TenantUnit): TenantUnit => ({
      ...unit,
      audit: {
        ...unit.audit,
        append: () => errAsync(RookeryErrors.unavailable("Injected failure of the audit log.")),
      },
    });
    const broken: RookeryAdapter = {
      ...adapter,
      tenant: (tenantId, work, options) =>
        adapter.tenant(tenantId, (unit) => work(noAudit(unit)), options),
    };
    const { tenancy } = penguinTenancy(broken, { ids, clock });
    const owner = expectOk(await tenancy.as(a.ids.owner));
    const calls: Call[] = [
      () => owner.workspaces.rename(a.ws1, { name: "Renamed" }),
      () => owner.members.changeRole(a.ids.member, "admin"),
      () => owner.resources("campaign").delete(a.campaign1),
      () => owner.settings.update({ timezone: "Europe/Oslo" }),
      () => owner.members.add({ userId: mia.id }),
      () => owner.invitations.create({ email: "kim@a.example" }),
    ];
    for (const call of calls) {
      expectErr(await expectNoChange(inspect, call), "UNAVAILABLE");
    }
  });

  test("owners and admins read the log; members are FORBIDDEN", async ({ adapter }) => {
    const { a } = await tenancyWorld(adapter);
    const owner = expectOk(await a.as.owner.audit.list()).items;
    expect(owner.length).toBeGreaterThan(0);
    expect(expectOk(await a.as.admin.audit.list()).items).toEqual(owner);
    expectDenied(await a.as.member.audit.list());
    expectInvalid(await a.as.owner.audit.list({ limit: 0 }), "limit");
  });

  test("A's log pages through all of A's events and none of B's", async ({ adapter, inspect }) => {
    const { a, b } = await tenancyWorld(adapter);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const query: { limit: number; after?: string } =
        after === null ? { limit: 4 } : { limit: 4, after };
      const page = expectOk(await a.as.admin.audit.list(query));
      for (const event of page.items) expect(event.tenantId).toBe(a.tenantId);
      seen.push(...page.items.map((e) => e.id));
      after = page.next;
    } while (after !== null);
    const aIds = (await tenantRows(inspect, "audit_events", a.tenantId)).map((e) => String(e.id));
    const bIds = (await tenantRows(inspect, "audit_events", b.tenantId)).map((e) => String(e.id));
    expect(seen).toEqual([...aIds].sort());
    expect(bIds.length).toBeGreaterThan(0);
    expect(seen.filter((id) => bIds.includes(id))).toEqual([]);
  });
});
