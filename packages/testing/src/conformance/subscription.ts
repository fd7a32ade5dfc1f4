import { expect } from "vitest";
import { expectErr, expectOk } from "../expect-result.js";
import { defineGroup } from "./group.js";
import { rowsOf } from "./helpers.js";

export const subscriptionGroup = defineGroup("subscription", (test) => {
  test("get is null until insert stores the one subscription", async ({ adapter, inspect, f }) => {
    const tenant = f.tenant();
    expectOk(await adapter.platform((u) => u.tenants.insert(tenant)));
    expect(expectOk(await adapter.tenant(tenant.id, (u) => u.subscription.get()))).toBeNull();
    const subscription = f.subscription({ tenantId: tenant.id, plan: "growth" });
    const inserted = await adapter.tenant(tenant.id, (u) => u.subscription.insert(subscription));
    expect(expectOk(inserted)).toEqual(subscription);
    const got = await adapter.tenant(tenant.id, (u) => u.subscription.get());
    expect(expectOk(got)).toEqual(subscription);
    expect(await rowsOf(inspect, "subscriptions")).toEqual([subscription]);
  });

  test("a second insert is CONFLICT and keeps the first", async ({ adapter, inspect, f }) => {
    const tenant = f.tenant();
    expectOk(await adapter.platform((u) => u.tenants.insert(tenant)));
    const first = f.subscription({ tenantId: tenant.id, plan: "starter" });
    expectOk(await adapter.tenant(tenant.id, (u) => u.subscription.insert(first)));
    const second = f.subscription({ tenantId: tenant.id, plan: "growth" });
    const result = await adapter.tenant(tenant.id, (u) => u.subscription.insert(second));
    expectErr(result, "CONFLICT", "subscription");
    expect(await rowsOf(inspect, "subscriptions")).toEqual([first]);
  });

  test("update applies the patch and keeps the other fields", async ({ adapter, inspect, f }) => {
    const tenant = f.tenant();
    expectOk(await adapter.platform((u) => u.tenants.insert(tenant)));
    const subscription = f.subscription({ tenantId: tenant.id, status: "trialing" });
    expectOk(await adapter.tenant(tenant.id, (u) => u.subscription.insert(subscription)));
    const patch = {
      status: "active" as const,
      limits: { seats: 20, workspaces: 10, campaigns: 100 },
      updatedAt: f.now(),
    };
    const updated = await adapter.tenant(tenant.id, (u) => u.subscription.update(patch));
    const expected = { ...subscription, ...patch };
    expect(expectOk(updated)).toEqual(expected);
    expect(await rowsOf(inspect, "subscriptions")).toEqual([expected]);
  });

  test("update without a subscription is NOT_FOUND", async ({ adapter, inspect, f }) => {
    const tenant = f.tenant();
    expectOk(await adapter.platform((u) => u.tenants.insert(tenant)));
    const result = await adapter.tenant(tenant.id, (u) =>
      u.subscription.update({ plan: "growth", updatedAt: f.now() }),
    );
    expectErr(result, "NOT_FOUND");
    expect(await rowsOf(inspect, "subscriptions")).toEqual([]);
  });

  test("each tenant has its own subscription", async ({ adapter, inspect, f }) => {
    const [a, b] = [f.tenant(), f.tenant()];
    for (const t of [a, b]) expectOk(await adapter.platform((u) => u.tenants.insert(t)));
    const subA = f.subscription({ tenantId: a.id, plan: "starter" });
    const subB = f.subscription({ tenantId: b.id, plan: "growth" });
    expectOk(await adapter.tenant(a.id, (u) => u.subscription.insert(subA)));
    expectOk(await adapter.tenant(b.id, (u) => u.subscription.insert(subB)));
    expect(expectOk(await adapter.tenant(b.id, (u) => u.subscription.get()))).toEqual(subB);
    expect(await rowsOf(inspect, "subscriptions", a.id)).toEqual([subA]);
  });
});
