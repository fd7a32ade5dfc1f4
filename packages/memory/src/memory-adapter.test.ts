import type { Tenant, TenantId } from "@rookery/core";
import { manualClock, sequentialIds } from "@rookery/testing";
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

  it("reset empties the store", async () => {
    await adapter.platform((u) => u.tenants.insert(tenantRow("Acme")));
    adapter.reset();
    const page = await adapter.platform((u) => u.tenants.list({ limit: 10 }));
    expect(page._unsafeUnwrap().items).toEqual([]);
  });

  it("restore brings back exactly what a snapshot held", async () => {
    const acme = tenantRow("Acme");
    await adapter.platform((u) => u.tenants.insert(acme));
    const snapshot = adapter.snapshot();
    await adapter.platform((u) => u.tenants.insert(tenantRow("Globex")));
    adapter.restore(snapshot);
    const page = await adapter.platform((u) => u.tenants.list({ limit: 10 }));
    expect(page._unsafeUnwrap().items).toEqual([acme]);
    expect(adapter.snapshot()).toEqual(snapshot);
  });

  it("a snapshot survives JSON and restores from it", async () => {
    await adapter.platform((u) => u.tenants.insert(tenantRow("Acme")));
    const snapshot = adapter.snapshot();
    const copy = memoryAdapter();
    copy.restore(JSON.parse(JSON.stringify(snapshot)));
    expect(copy.snapshot()).toEqual(snapshot);
  });

  it("rows handed out cannot change the store", async () => {
    const acme = tenantRow("Acme");
    await adapter.platform((u) => u.tenants.insert(acme));
    acme.name = "Changed after insert";
    const read = (await adapter.platform((u) => u.tenants.get(acme.id)))._unsafeUnwrap();
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
    const acme = tenantRow("Acme");
    await adapter.platform((u) => u.tenants.insert(acme));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const reader = adapter.platform(
      async (u) => {
        const before = (await u.tenants.list({ limit: 10 }))._unsafeUnwrap().items.length;
        await gate;
        const after = (await u.tenants.list({ limit: 10 }))._unsafeUnwrap().items.length;
        return ok([before, after]);
      },
      { intent: "read" },
    );
    await adapter.platform((u) => u.tenants.insert(tenantRow("Globex")));
    release();
    expect((await reader)._unsafeUnwrap()).toEqual([1, 1]);
  });

  it("a tenant unit's data goes with its tenant row", async () => {
    const acme = tenantRow("Acme");
    await adapter.platform((u) => u.tenants.insert(acme));
    const at = clock.now().toISOString();
    await adapter.tenant(acme.id, (u) =>
      u.settings.putTenant({ tenantId: acme.id, values: { a: 1 }, createdAt: at, updatedAt: at }),
    );
    expect(Object.keys(adapter.snapshot().tenants)).toEqual([acme.id]);
    await adapter.platform((u) => u.tenants.remove(acme.id));
    expect(adapter.snapshot().tenants).toEqual({});
  });
});

describe("memoryAdapter and the application's own SQL", () => {
  it("has none: scope.sql answers UNSUPPORTED instead of pretending", async () => {
    const { createTenancy } = await import("@rookery/core");
    const tenancy = createTenancy({
      adapter: memoryAdapter(),
      plans: { starter: { limits: { seats: 2, workspaces: 1 } } },
    })._unsafeUnwrap();
    const made = await tenancy.platform.provisionTenant({
      name: "Acme",
      plan: "starter",
      owner: { email: "pat@acme.example" },
    });
    const scope = (await tenancy.as(made._unsafeUnwrap().owner.userId))._unsafeUnwrap();
    const result = await scope.sql((db) => db.query("SELECT 1"));
    expect(result._unsafeUnwrapErr()).toMatchObject({ code: "UNSUPPORTED" });
  });
});
