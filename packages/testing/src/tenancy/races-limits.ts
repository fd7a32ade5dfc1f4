import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { RACERS, tally } from "../conformance/helpers.js";
import { penguinTenancy, tenancyWorld } from "./penguinmails.js";
import { signedUp, tenantRows } from "./support.js";

/** Races on the plan's limits and on provisioning: concurrent calls never exceed or duplicate. */
export const limitRacesGroup = defineGroup("tenancy: limit races", (test) => {
  test("a signup retried concurrently with one idempotency key makes one tenant", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy } = penguinTenancy(adapter);
    const input = {
      name: "Penguin Corp",
      plan: "starter",
      owner: { email: "pat@a.example" },
      firstWorkspace: { name: "Outreach" },
      idempotencyKey: "signup-raced-key",
    };
    const results = await Promise.all(
      Array.from({ length: 6 }, () => tenancy.platform.provisionTenant(input)),
    );
    const { values } = tally(results);
    expect(values.length).toBeGreaterThan(0);
    expect(new Set(values.map((v) => v.tenant.id)).size).toBe(1);
    const tenantId = values[0]?.tenant.id;
    expect(await inspect.rows("tenants")).toEqual([
      expect.objectContaining({ id: tenantId, status: "active" }),
    ]);
    for (const table of [
      "memberships",
      "subscriptions",
      "workspaces",
      "tenant_settings",
    ] as const) {
      expect(await inspect.rows(table), table).toHaveLength(1);
    }
  });

  test("seats: concurrent adds beyond the seats left admit exactly that many", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const people = [];
    for (let i = 0; i < RACERS; i++) people.push(await signedUp(tenancy, `new-${i}@a.example`));
    // Growth has 10 seats; the world uses 3.
    const results = await Promise.all(
      people.map((person, i) =>
        (i % 2 === 0 ? a.as.owner : a.as.admin).members.add({ userId: person.id }),
      ),
    );
    const { succeeded, codes } = tally(results);
    expect(succeeded).toBe(7);
    expect(new Set(codes)).toEqual(new Set(["LIMIT_EXCEEDED"]));
    expect(await tenantRows(inspect, "memberships", a.tenantId)).toHaveLength(10);
    // The refused adds are undone: no stray claim stays behind.
    expect((await inspect.rows("claims")).filter((c) => c.tenantId === a.tenantId)).toHaveLength(
      10,
    );
    expect(await inspect.rows("claims")).toHaveLength(13);
  });

  test("workspaces: concurrent creates beyond the limit admit exactly the room left", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    // Growth allows 5 workspaces; the world has 2.
    const results = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        (i % 2 === 0 ? a.as.owner : a.as.admin).workspaces.create({ name: `Client ${i}` }),
      ),
    );
    const { succeeded, codes } = tally(results);
    expect(succeeded).toBe(3);
    expect(new Set(codes)).toEqual(new Set(["LIMIT_EXCEEDED"]));
    expect(await tenantRows(inspect, "workspaces", a.tenantId)).toHaveLength(5);
  });

  test("limits: a downgrade racing with adds and creates never leaves usage above the plan", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const [one, two] = [
      await signedUp(tenancy, "new-1@a.example"),
      await signedUp(tenancy, "new-2@a.example"),
    ];
    const calls = [
      a.as.admin.members.add({ userId: one.id }),
      a.as.owner.subscription.changePlan("starter"),
      a.as.admin.workspaces.create({ name: "Client 1" }),
      a.as.owner.members.add({ userId: two.id }),
      a.as.owner.subscription.changePlan("starter"),
      a.as.owner.workspaces.create({ name: "Client 2" }),
    ];
    await Promise.all(calls);
    const [subscription] = await tenantRows(inspect, "subscriptions", a.tenantId);
    const limits = subscription?.limits as { seats: number; workspaces: number };
    const seats = (await tenantRows(inspect, "memberships", a.tenantId)).length;
    const workspaces = (await tenantRows(inspect, "workspaces", a.tenantId)).length;
    expect(seats).toBeLessThanOrEqual(limits.seats);
    expect(workspaces).toBeLessThanOrEqual(limits.workspaces);
  });

  test("one subscription: concurrent plan changes leave one subscription on a known plan", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        a.as.owner.subscription.changePlan(i % 2 === 0 ? "starter" : "growth"),
      ),
    );
    expect(tally(results).succeeded).toBe(8);
    const rows = await tenantRows(inspect, "subscriptions", a.tenantId);
    expect(rows).toHaveLength(1);
    expect(["starter", "growth"]).toContain(rows[0]?.plan);
  });
});
