import { TenantId } from "@rookery/core/adapter";
import { expect } from "vitest";
import { expectErr, expectOk } from "../expect-result.js";
import { defineGroup } from "./group.js";
import { rowsOf } from "./helpers.js";

// Fixed ids, apart from the fixtures' sequence, so the expected order is written out.
const id = (n: number) => TenantId.parse(`00000000-0000-7000-8000-a0000000000${n}`);

export const tenantsGroup = defineGroup("tenants", (test) => {
  test("insert stores the tenant and get returns it", async ({ adapter, inspect, f }) => {
    const tenant = f.tenant({ name: "Penguin Co" });
    expect(expectOk(await adapter.platform((u) => u.tenants.insert(tenant)))).toEqual(tenant);
    expect(expectOk(await adapter.platform((u) => u.tenants.get(tenant.id)))).toEqual(tenant);
    expect(await rowsOf(inspect, "tenants")).toEqual([tenant]);
  });

  test("get of an absent id returns null", async ({ adapter, f }) => {
    expect(expectOk(await adapter.platform((u) => u.tenants.get(f.tenantId())))).toBeNull();
  });

  test("insert of an existing id is CONFLICT and keeps the first row", async ({
    adapter,
    inspect,
    f,
  }) => {
    const tenant = f.tenant({ name: "First" });
    expectOk(await adapter.platform((u) => u.tenants.insert(tenant)));
    const again = f.tenant({ id: tenant.id, name: "Second" });
    expectErr(await adapter.platform((u) => u.tenants.insert(again)), "CONFLICT", "tenant");
    expect(await rowsOf(inspect, "tenants")).toEqual([tenant]);
  });

  test("list pages in ascending id order with limit and next", async ({ adapter, f }) => {
    // Inserted out of order: the store, not insertion, decides the order.
    const tenants = [3, 1, 5, 2, 4].map((n) => f.tenant({ id: id(n) }));
    for (const t of tenants) expectOk(await adapter.platform((u) => u.tenants.insert(t)));
    const first = expectOk(await adapter.platform((u) => u.tenants.list({ limit: 2 })));
    expect(first.items.map((t) => t.id)).toEqual([id(1), id(2)]);
    expect(first.next).toBe(id(2));
    const second = expectOk(
      await adapter.platform((u) => u.tenants.list({ limit: 2, after: id(2) })),
    );
    expect(second.items.map((t) => t.id)).toEqual([id(3), id(4)]);
    const last = expectOk(
      await adapter.platform((u) => u.tenants.list({ limit: 2, after: id(4) })),
    );
    expect(last.items.map((t) => t.id)).toEqual([id(5)]);
    expect(last.next).toBeNull();
  });

  test("list gives next null when the page holds exactly the remaining rows", async ({
    adapter,
    f,
  }) => {
    for (const n of [1, 2, 3]) {
      expectOk(await adapter.platform((u) => u.tenants.insert(f.tenant({ id: id(n) }))));
    }
    const page = expectOk(await adapter.platform((u) => u.tenants.list({ limit: 3 })));
    expect(page.items).toHaveLength(3);
    expect(page.next).toBeNull();
  });

  test("list filters by status", async ({ adapter, f }) => {
    const active = f.tenant();
    const suspended = f.tenant({ status: "suspended" });
    for (const t of [active, suspended]) {
      expectOk(await adapter.platform((u) => u.tenants.insert(t)));
    }
    const page = expectOk(
      await adapter.platform((u) => u.tenants.list({ limit: 50, status: "suspended" })),
    );
    expect(page.items).toEqual([suspended]);
    const all = expectOk(await adapter.platform((u) => u.tenants.list({ limit: 50 })));
    expect(all.items).toEqual([active, suspended]);
  });

  test("update applies the patch and keeps the other fields", async ({ adapter, inspect, f }) => {
    const tenant = f.tenant({ name: "Before" });
    expectOk(await adapter.platform((u) => u.tenants.insert(tenant)));
    const patch = { name: "After", status: "suspended" as const, updatedAt: f.now() };
    const updated = expectOk(await adapter.platform((u) => u.tenants.update(tenant.id, patch)));
    const expected = { ...tenant, ...patch };
    expect(updated).toEqual(expected);
    expect(await rowsOf(inspect, "tenants")).toEqual([expected]);
  });

  test("update can set and clear deletedAt", async ({ adapter, f }) => {
    const tenant = f.tenant();
    expectOk(await adapter.platform((u) => u.tenants.insert(tenant)));
    const at = f.now();
    const deleted = expectOk(
      await adapter.platform((u) =>
        u.tenants.update(tenant.id, { status: "deleted", deletedAt: at, updatedAt: at }),
      ),
    );
    expect(deleted.deletedAt).toBe(at);
    const restored = expectOk(
      await adapter.platform((u) =>
        u.tenants.update(tenant.id, { status: "active", deletedAt: null, updatedAt: at }),
      ),
    );
    expect(restored).toEqual({ ...tenant, updatedAt: at });
  });

  test("update of an absent tenant is NOT_FOUND", async ({ adapter, inspect, f }) => {
    const result = await adapter.platform((u) =>
      u.tenants.update(f.tenantId(), { name: "Ghost", updatedAt: f.now() }),
    );
    expectErr(result, "NOT_FOUND", "tenant");
    expect(await rowsOf(inspect, "tenants")).toEqual([]);
  });

  test("remove deletes the row and reports whether one went", async ({ adapter, inspect, f }) => {
    const kept = f.tenant();
    const removed = f.tenant();
    for (const t of [kept, removed]) expectOk(await adapter.platform((u) => u.tenants.insert(t)));
    expect(expectOk(await adapter.platform((u) => u.tenants.remove(removed.id)))).toBe(true);
    expect(expectOk(await adapter.platform((u) => u.tenants.remove(removed.id)))).toBe(false);
    expect(expectOk(await adapter.platform((u) => u.tenants.get(removed.id)))).toBeNull();
    expect(await rowsOf(inspect, "tenants")).toEqual([kept]);
  });
});
