import type { RookeryError } from "@rookery/core";
import type { ResultAsync } from "neverthrow";
import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { ALL_TABLES, storeState } from "../conformance/helpers.js";
import { expectErr, expectOk } from "../expect-result.js";
import { tenancyWorld, WORLD_ROLES, type WorldTenant } from "./penguinmails.js";
import { auditRows, expectDenied, expectNoChange, tenantRows } from "./support.js";

const DAY = 86_400_000;

/** Every id of a world tenant, to look for in what should hold none of them. */
function idsOf(t: WorldTenant): string[] {
  const { ids, as: _scopes, ...rest } = t;
  return [...Object.values(ids), ...Object.values(rest)].map(String);
}

/** Offboarding, export and purge, by the owner or the platform. */
export const offboardingGroup = defineGroup("tenancy: offboarding", (test) => {
  test("the owner offboards; admins and members cannot; then nobody acts", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a, b } = await tenancyWorld(adapter);
    expectDenied(await expectNoChange(inspect, () => a.as.admin.offboard()), "admin");
    expectDenied(await expectNoChange(inspect, () => a.as.member.offboard()), "member");
    const gone = expectOk(await a.as.owner.offboard());
    expect(gone.status).toBe("deleted");
    expect(await inspect.rows("tenants")).toContainEqual(
      expect.objectContaining({ id: a.tenantId, status: "deleted", deletedAt: gone.deletedAt }),
    );
    expect((await auditRows(inspect, a.tenantId)).at(-1)).toMatchObject({
      action: "tenant.offboard",
      actorId: a.ids.owner,
    });
    for (const role of WORLD_ROLES) {
      expectErr(await tenancy.as(a.ids[role]), "TENANT_INACTIVE", undefined, role);
      expectErr(await a.as[role].workspaces.list(), "TENANT_INACTIVE", undefined, role);
    }
    expectOk(await b.as.member.workspaces.list(), "B goes on");
  });

  test("the export holds all of A's data and nothing of B", async ({ adapter, inspect }) => {
    const { a, b } = await tenancyWorld(adapter);
    const data = expectOk(await a.as.owner.exportData());
    expect(data.format).toBe("rookery.tenant-export/1");
    expect(data.tenant.id).toBe(a.tenantId);
    const count = async (table: (typeof ALL_TABLES)[number]) =>
      (await tenantRows(inspect, table, a.tenantId)).length;
    expect(data.memberships).toHaveLength(await count("memberships"));
    expect(data.workspaces).toHaveLength(await count("workspaces"));
    expect(data.assignments).toHaveLength(await count("assignments"));
    expect(data.resources).toHaveLength(await count("resources"));
    expect(data.auditEvents).toHaveLength(await count("audit_events"));
    expect(data.users.map((u) => u.email).sort()).toEqual([
      "ada@a.example",
      "max@a.example",
      "pat@a.example",
    ]);
    expect(data.subscription?.plan).toBe("growth");
    const text = JSON.stringify(data);
    for (const id of idsOf(b)) expect(text, `B's id ${id}`).not.toContain(id);
    expect(text).not.toContain("@b.example");
    expectDenied(await a.as.admin.exportData(), "admins do not export");
  });

  test("the platform exports an offboarded tenant; its owner no longer can", async ({
    adapter,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    expectOk(await a.as.owner.offboard());
    expectErr(await a.as.owner.exportData(), "TENANT_INACTIVE");
    const data = expectOk(await tenancy.platform.exportTenant(a.tenantId));
    expect(data.tenant.status).toBe("deleted");
    expect(data.resources).toHaveLength(5);
  });

  test("purge is refused before the retention and for a tenant not offboarded", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, clock, a, b } = await tenancyWorld(adapter, { retentionDays: 7 });
    expectErr(
      await expectNoChange(inspect, () => tenancy.platform.purgeTenant(b.tenantId)),
      "INVARIANT",
    );
    expectOk(await tenancy.platform.offboardTenant(a.tenantId));
    clock.advance(7 * DAY - 1);
    expectErr(
      await expectNoChange(inspect, () => tenancy.platform.purgeTenant(a.tenantId)),
      "INVARIANT",
    );
  });

  test("purge after the retention removes everything of A and leaves B intact", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, clock, a, b } = await tenancyWorld(adapter, { retentionDays: 7 });
    expectOk(await a.as.owner.offboard());
    clock.advance(7 * DAY);
    const bBefore = await storeState(inspect, b.tenantId);
    const bTenant = (await inspect.rows("tenants")).find((t) => t.id === b.tenantId);
    const counts = expectOk(await tenancy.platform.purgeTenant(a.tenantId));
    expect(counts).toMatchObject({ memberships: 3, workspaces: 2, resources: 5, users: 3 });
    for (const table of ALL_TABLES.filter((t) => t !== "platform_events")) {
      expect(await tenantRows(inspect, table, a.tenantId), table).toEqual([]);
    }
    // Only the purge's own event is left, naming nothing but ids, until a subscriber takes it.
    expect(await tenantRows(inspect, "platform_events", a.tenantId)).toEqual([
      expect.objectContaining({ action: "tenant.purge", before: null, after: null }),
    ]);
    expect(await inspect.rows("tenants")).toEqual([bTenant]);
    const claimed = (await inspect.rows("claims")).map((c) => c.userId);
    const users = (await inspect.rows("users")).map((u) => u.id);
    for (const role of WORLD_ROLES) {
      expect(claimed).not.toContain(a.ids[role]);
      expect(users, "a purged member's user row").not.toContain(a.ids[role]);
      expect(users, "B's people stay").toContain(b.ids[role]);
    }
    expect(await storeState(inspect, b.tenantId)).toEqual(bBefore);
    expectErr(await tenancy.platform.getTenant(a.tenantId), "NOT_FOUND", "tenant");
    expectErr(await tenancy.as(a.ids.owner), "NOT_FOUND");
  });

  test("the platform suspends, reactivates and offboards, each audited as the platform", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const p = tenancy.platform;
    expect(expectOk(await p.suspendTenant(a.tenantId)).status).toBe("suspended");
    expectErr(await expectNoChange(inspect, () => p.suspendTenant(a.tenantId)), "INVARIANT");
    expect(expectOk(await p.offboardTenant(a.tenantId)).status).toBe("deleted");
    expect(expectOk(await p.reactivateTenant(a.tenantId))).toMatchObject({
      status: "active",
      deletedAt: null,
    });
    expectOk(await a.as.member.workspaces.list(), "its users act again");
    const platformEvents = (await auditRows(inspect, a.tenantId)).filter((e) => e.actorId === null);
    expect(platformEvents.map((e) => e.action)).toEqual([
      "tenant.provision",
      "tenant.suspend",
      "tenant.offboard",
      "tenant.reactivate",
    ]);
    const listed = expectOk(await p.listTenants({ status: "active" })).items.map((t) => t.id);
    expect(listed).toContain(a.tenantId);
  });

  test("platform calls on an unknown tenant are NOT_FOUND", async ({ adapter, inspect }) => {
    const { tenancy } = await tenancyWorld(adapter);
    const p = tenancy.platform;
    const unknown = "00000000-0000-7000-8000-00000000dead";
    const calls: ((id: string) => ResultAsync<unknown, RookeryError>)[] = [
      p.getTenant,
      p.suspendTenant,
      p.reactivateTenant,
      p.offboardTenant,
      p.exportTenant,
      p.purgeTenant,
    ];
    for (const call of calls) {
      expectErr(
        await expectNoChange(inspect, () => call(unknown)),
        "NOT_FOUND",
        "tenant",
        call.name,
      );
    }
    expectErr(await p.getTenant("nope"), "VALIDATION");
  });
});
