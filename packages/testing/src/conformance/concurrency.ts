import { ok, safeTry } from "neverthrow";
import { expect } from "vitest";
import { expectErr, expectOk } from "../expect-result.js";
import { seedTenant } from "../seed-tenant.js";
import { defineGroup } from "./group.js";
import { RACERS, rowsOf, tally } from "./helpers.js";
import { registerInterleavingTests } from "./interleaving.js";

export const concurrencyGroup = defineGroup("concurrency", (test) => {
  test("two concurrent claims of one user for two tenants: exactly one succeeds", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const [a, b] = [f.tenant(), f.tenant()];
    const user = f.user();
    for (const t of [a, b]) expectOk(await adapter.platform((u) => u.tenants.insert(t)));
    expectOk(await adapter.platform((u) => u.users.insert(user)));
    const results = await Promise.all(
      [a, b].map((t) =>
        adapter.platform((u) => u.claims.claim(f.claim({ tenantId: t.id, userId: user.id }))),
      ),
    );
    const { succeeded, values, codes } = tally(results);
    expect(succeeded).toBe(1);
    expect(codes).toEqual(["CONFLICT"]);
    expect(await rowsOf(inspect, "claims")).toEqual([
      expect.objectContaining({ userId: user.id, tenantId: values[0]?.tenantId }),
    ]);
  });

  test("many concurrent claims of one user: exactly one tenant gets it", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const tenants = Array.from({ length: RACERS }, () => f.tenant());
    const user = f.user();
    for (const t of tenants) expectOk(await adapter.platform((u) => u.tenants.insert(t)));
    expectOk(await adapter.platform((u) => u.users.insert(user)));
    const results = await Promise.all(
      tenants.map((t) =>
        adapter.platform((u) => u.claims.claim(f.claim({ tenantId: t.id, userId: user.id }))),
      ),
    );
    expect(tally(results).succeeded).toBe(1);
    expect(await rowsOf(inspect, "claims")).toHaveLength(1);
  });

  test("concurrent owner inserts into one tenant: exactly one succeeds", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const tenant = f.tenant();
    const users = Array.from({ length: RACERS }, () => f.user());
    expectOk(
      await adapter.platform((u) =>
        safeTry(async function* () {
          yield* u.tenants.insert(tenant);
          for (const user of users) yield* u.users.insert(user);
          return ok(undefined);
        }),
      ),
    );
    const results = await Promise.all(
      users.map((user) =>
        adapter.tenant(tenant.id, (u) =>
          u.memberships.insert(
            f.membership({ tenantId: tenant.id, userId: user.id, role: "owner" }),
          ),
        ),
      ),
    );
    expect(tally(results).succeeded).toBe(1);
    const owners = (await rowsOf(inspect, "memberships")).filter((m) => m.role === "owner");
    expect(owners).toHaveLength(1);
  });

  test("concurrent promotions to owner: at most one owner results", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { tenant, owner } = await seedTenant(adapter, f);
    const at = f.now();
    // Demote the owner first, so the promotions race for a free seat.
    expectOk(
      await adapter.tenant(tenant.id, (u) => u.memberships.updateRole(owner.id, "admin", at)),
    );
    const users = Array.from({ length: RACERS }, () => f.user());
    for (const user of users) {
      expectOk(await adapter.platform((u) => u.users.insert(user)));
      const member = f.membership({ tenantId: tenant.id, userId: user.id, role: "admin" });
      expectOk(await adapter.tenant(tenant.id, (u) => u.memberships.insert(member)));
    }
    const results = await Promise.all(
      users.map((user) =>
        adapter.tenant(tenant.id, (u) => u.memberships.updateRole(user.id, "owner", at)),
      ),
    );
    expect(tally(results).succeeded).toBe(1);
    const owners = (await rowsOf(inspect, "memberships")).filter((m) => m.role === "owner");
    expect(owners).toHaveLength(1);
  });

  test("concurrent inserts of one e-mail: exactly one user is stored", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const users = Array.from({ length: RACERS }, (_, i) =>
      f.user({ email: i % 2 === 0 ? "pat@example.com" : "PAT@example.com" }),
    );
    const results = await Promise.all(
      users.map((user) => adapter.platform((u) => u.users.insert(user))),
    );
    const { succeeded, codes } = tally(results);
    expect(succeeded).toBe(1);
    expect(new Set(codes)).toEqual(new Set(["CONFLICT"]));
    expect(await rowsOf(inspect, "users")).toHaveLength(1);
  });

  test("concurrent inserts of one workspace name: exactly one succeeds", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { tenant } = await seedTenant(adapter, f);
    const results = await Promise.all(
      Array.from({ length: RACERS }, () =>
        adapter.tenant(tenant.id, (u) =>
          u.workspaces.insert(f.workspace({ tenantId: tenant.id, name: "Outreach" })),
        ),
      ),
    );
    expect(tally(results).succeeded).toBe(1);
    expect(await rowsOf(inspect, "workspaces")).toHaveLength(1);
  });

  test("concurrent updates with the same expectedVersion: exactly one wins", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { tenant } = await seedTenant(adapter, f);
    const resource = f.resource({ tenantId: tenant.id });
    expectOk(await adapter.tenant(tenant.id, (u) => u.resources.insert(resource)));
    const results = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        adapter.tenant(tenant.id, (u) =>
          u.resources.update("campaign", resource.id, {
            data: { writer: i },
            updatedAt: f.now(),
            expectedVersion: 1,
          }),
        ),
      ),
    );
    const { succeeded, values } = tally(results);
    expect(succeeded).toBe(1);
    for (const r of results) if (r.isErr()) expectErr(r, "CONFLICT", "resource");
    expect(await rowsOf(inspect, "resources")).toEqual([
      expect.objectContaining({ version: 2, data: values[0]?.data }),
    ]);
  });

  registerInterleavingTests(test);
});
