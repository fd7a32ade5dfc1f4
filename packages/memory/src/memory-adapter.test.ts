import type { Tenant, TenantId } from "@rookery/core";
import { expectOk, manualClock, sequentialIds } from "@rookery/testing";
import { ok } from "neverthrow";
import { beforeEach, describe, expect, it } from "vitest";
import { type MemoryAdapter, memoryAdapter } from "./index.js";

const ids = sequentialIds();
const clock = manualClock();

function tenantRow(name: string): Tenant {
  const at = clock.now().toISOString();
  return {
    id: ids() as TenantId,
    name,
    status: "active",
    deletedAt: null,
    createdAt: at,
    updatedAt: at,
  };
}

describe("memoryAdapter controls", () => {
  let adapter: MemoryAdapter;
  beforeEach(() => {
    adapter = memoryAdapter();
  });

  /** Inserts a tenant row, failing the test if the store refuses it. */
  const insertTenant = async (tenant: Tenant) =>
    expectOk(await adapter.platform((u) => u.tenants.insert(tenant)), `inserting ${tenant.name}`);
  const listTenants = async () =>
    expectOk(await adapter.platform((u) => u.tenants.list({ limit: 10 }))).items;

  it("reset empties the store", async () => {
    const acme = await insertTenant(tenantRow("Acme"));
    expect(await listTenants()).toEqual([acme]);
    adapter.reset();
    expect(await listTenants()).toEqual([]);
    expect(adapter.snapshot().platform.tenants).toEqual([]);
  });

  it("restore brings back exactly what a snapshot held", async () => {
    const acme = await insertTenant(tenantRow("Acme"));
    const snapshot = adapter.snapshot();
    const globex = await insertTenant(tenantRow("Globex"));
    expect(await listTenants()).toEqual([acme, globex]);
    adapter.restore(snapshot);
    expect(await listTenants()).toEqual([acme]);
    expect(adapter.snapshot()).toEqual(snapshot);
  });

  it("a snapshot survives JSON and restores from it", async () => {
    const acme = await insertTenant(tenantRow("Acme"));
    const snapshot = adapter.snapshot();
    const copy = memoryAdapter();
    copy.restore(JSON.parse(JSON.stringify(snapshot)));
    expect(copy.snapshot()).toEqual(snapshot);
    const restored = await copy.platform((u) => u.tenants.list({ limit: 10 }));
    expect(expectOk(restored).items).toEqual([acme]);
  });

  it("rows handed out cannot change the store", async () => {
    const acme = tenantRow("Acme");
    await insertTenant(acme);
    acme.name = "Changed after insert";
    const read = expectOk(await adapter.platform((u) => u.tenants.get(acme.id)));
    expect(read?.name).toBe("Acme");
    expect(() => {
      (read as Tenant).name = "Mutated";
    }).toThrow(TypeError);
  });

  it("a read unit refuses to write", async () => {
    const result = await adapter.platform((u) => u.tenants.insert(tenantRow("Acme")), {
      intent: "read",
    });
    expect(result._unsafeUnwrapErr().code).toBe("INTERNAL");
    expect(adapter.snapshot().platform.tenants).toEqual([]);
  });

  it("a reader keeps its snapshot while a writer commits", async () => {
    await insertTenant(tenantRow("Acme"));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const reader = adapter.platform(
      async (u) => {
        const before = expectOk(await u.tenants.list({ limit: 10 })).items.length;
        await gate;
        const after = expectOk(await u.tenants.list({ limit: 10 })).items.length;
        return ok([before, after]);
      },
      { intent: "read" },
    );
    // The writer commits while the reader is open; a later reader sees its row.
    await insertTenant(tenantRow("Globex"));
    expect(await listTenants()).toHaveLength(2);
    release();
    expect(expectOk(await reader)).toEqual([1, 1]);
  });

  it("a tenant unit's data goes with its tenant row", async () => {
    const acme = await insertTenant(tenantRow("Acme"));
    const at = clock.now().toISOString();
    const put = await adapter.tenant(acme.id, (u) =>
      u.settings.putTenant({ tenantId: acme.id, values: { a: 1 }, createdAt: at, updatedAt: at }),
    );
    expectOk(put, "putting the tenant's settings");
    expect(Object.keys(adapter.snapshot().tenants)).toEqual([acme.id]);
    expect(expectOk(await adapter.platform((u) => u.tenants.remove(acme.id)))).toBe(true);
    expect(adapter.snapshot().tenants).toEqual({});
  });
});

describe("memoryAdapter and the application's own SQL", () => {
  it("has none: scope.sql answers UNSUPPORTED instead of pretending", async () => {
    const { createTenancy } = await import("@rookery/core");
    const tenancy = expectOk(
      createTenancy({
        adapter: memoryAdapter(),
        plans: { starter: { limits: { seats: 2, workspaces: 1 } } },
      }),
      "creating the tenancy",
    );
    const made = await tenancy.platform.provisionTenant({
      name: "Acme",
      plan: "starter",
      owner: { email: "pat@acme.example" },
    });
    const { owner } = expectOk(made, "provisioning");
    const scope = expectOk(await tenancy.as(owner.userId), "the owner's scope");
    const result = await scope.sql((db) => db.query("SELECT 1"));
    expect(result._unsafeUnwrapErr()).toMatchObject({ code: "UNSUPPORTED" });
  });
});
