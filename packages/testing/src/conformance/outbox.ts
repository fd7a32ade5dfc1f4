import { AuditEventId } from "@rookery/core/adapter";
import { err, ok, safeTry } from "neverthrow";
import { expect } from "vitest";
import { expectErr, expectOk } from "../expect-result.js";
import { seedTenant } from "../seed-tenant.js";
import { defineGroup } from "./group.js";
import { ALL, rowsOf, storeState } from "./helpers.js";
import { twoTenants } from "./two-tenants.js";

const id = (n: number) => AuditEventId.parse(`00000000-0000-7000-8000-c0000000000${n}`);

/**
 * The outbox: a tenant's audit log with a delivery mark per event, and the
 * shared table of platform changes' events.
 */
export const outboxGroup = defineGroup("outbox", (test) => {
  test("appended events are pending until marked delivered; marks never change the event", async ({
    adapter,
    inspect,
    f,
  }) => {
    const { tenant } = await seedTenant(adapter, f);
    const events = [3, 1, 2].map((n) => f.auditEvent({ tenantId: tenant.id, id: id(n) }));
    for (const event of events) {
      expectOk(await adapter.tenant(tenant.id, (u) => u.audit.append(event)));
    }
    const pending = async (query: { limit: number; after?: string } = ALL) =>
      expectOk(await adapter.tenant(tenant.id, (u) => u.audit.pending(query), { intent: "read" }));
    expect(await pending()).toEqual({ items: [id(1), id(2), id(3)].map(byId(events)), next: null });
    expect(await pending({ limit: 1, after: id(1) })).toEqual({
      items: [byId(events)(id(2))],
      next: id(2),
    });
    const at = "2026-01-02T00:00:00.000Z";
    const marked = await adapter.tenant(tenant.id, (u) =>
      u.audit.markDelivered([id(1), id(3), id(1)], at),
    );
    expect(expectOk(marked)).toBe(2);
    expect((await pending()).items.map((e) => e.id)).toEqual([id(2)]);
    const again = await adapter.tenant(tenant.id, (u) =>
      u.audit.markDelivered([id(1), f.auditEventId()], at),
    );
    expect(expectOk(again), "already marked, or absent").toBe(0);
    expect(await rowsOf(inspect, "delivered_events")).toEqual(
      expect.arrayContaining([
        { tenantId: tenant.id, id: id(1), deliveredAt: at },
        { tenantId: tenant.id, id: id(3), deliveredAt: at },
      ]),
    );
    expect(await rowsOf(inspect, "delivered_events")).toHaveLength(2);
    // The log itself is untouched: every event, as appended.
    const log = await adapter.tenant(tenant.id, (u) => u.audit.list(ALL));
    expect(expectOk(log).items).toEqual([id(1), id(2), id(3)].map(byId(events)));
    expect(await rowsOf(inspect, "audit_events")).toEqual(expect.arrayContaining(events));
  });

  test("a unit for A neither sees B's pending events nor marks them", async (ctx) => {
    const { adapter, inspect } = ctx;
    const { a, b } = await twoTenants(ctx);
    const bPending = expectOk(await adapter.tenant(b.tenantId, (u) => u.audit.pending(ALL)));
    expect(bPending.items).toHaveLength(1);
    const aPending = expectOk(await adapter.tenant(a.tenantId, (u) => u.audit.pending(ALL)));
    expect(aPending.items.every((e) => e.tenantId === a.tenantId)).toBe(true);
    const before = await storeState(inspect);
    const foreign = bPending.items.map((e) => e.id);
    const marked = await adapter.tenant(a.tenantId, (u) =>
      u.audit.markDelivered(foreign, "2026-01-02T00:00:00.000Z"),
    );
    expect(expectOk(marked)).toBe(0);
    expect(await storeState(inspect)).toEqual(before);
  });

  test("marks in a unit that fails are undone; a read unit cannot mark", async ({
    adapter,
    inspect,
    f,
  }) => {
    const { tenant } = await seedTenant(adapter, f);
    const event = f.auditEvent({ tenantId: tenant.id });
    expectOk(await adapter.tenant(tenant.id, (u) => u.audit.append(event)));
    const before = await storeState(inspect);
    const failed = await adapter.tenant(tenant.id, (u) =>
      safeTry(async function* () {
        yield* u.audit.markDelivered([event.id], f.now());
        return err({ code: "UNAVAILABLE" as const, message: "Injected." });
      }),
    );
    expectErr(failed, "UNAVAILABLE");
    const read = await adapter.tenant(
      tenant.id,
      (u) => u.audit.markDelivered([event.id], f.now()),
      {
        intent: "read",
      },
    );
    expectErr(read, "INTERNAL");
    expect(await storeState(inspect)).toEqual(before);
  });

  test("platform events: add, list across tenants in id order, remove", async ({
    adapter,
    inspect,
    f,
  }) => {
    const [a, b] = [f.tenantId(), f.tenantId()];
    const events = [
      f.auditEvent({ tenantId: b, id: id(2), action: "tenant.suspend" }),
      f.auditEvent({ tenantId: a, id: id(1), action: "tenant.offboard" }),
      f.auditEvent({ tenantId: a, id: id(3), action: "tenant.purge" }),
    ];
    for (const event of events) {
      expect(expectOk(await adapter.platform((u) => u.events.add(event)))).toEqual(event);
    }
    const list = async (query: { limit: number; after?: string }) =>
      expectOk(await adapter.platform((u) => u.events.list(query), { intent: "read" }));
    const sorted = [id(1), id(2), id(3)].map(byId(events));
    expect(await list({ limit: 2 })).toEqual({ items: sorted.slice(0, 2), next: id(2) });
    expect(await list({ limit: 2, after: id(2) })).toEqual({ items: sorted.slice(2), next: null });
    expect(await rowsOf(inspect, "platform_events")).toEqual(expect.arrayContaining(events));
    const twin = f.auditEvent({ tenantId: b, id: id(1) });
    expectErr(await adapter.platform((u) => u.events.add(twin)), "CONFLICT", "audit_event");
    expect(expectOk(await adapter.platform((u) => u.events.remove(id(1))))).toBe(true);
    expect(expectOk(await adapter.platform((u) => u.events.remove(id(1))))).toBe(false);
    expect((await list(ALL)).items.map((e) => e.id)).toEqual([id(2), id(3)]);
  });

  test("a platform unit that fails leaves no event behind", async ({ adapter, inspect, f }) => {
    const tenant = f.tenant();
    const result = await adapter.platform((u) =>
      safeTry(async function* () {
        yield* u.tenants.insert(tenant);
        yield* u.events.add(f.auditEvent({ tenantId: tenant.id }));
        return err({ code: "UNAVAILABLE" as const, message: "Injected." });
      }),
    );
    expectErr(result, "UNAVAILABLE");
    expect(await rowsOf(inspect, "platform_events")).toEqual([]);
    expect(await rowsOf(inspect, "tenants")).toEqual([]);
    expectOk(await adapter.platform((u) => u.tenants.insert(tenant).andThen(() => ok(undefined))));
  });
});

function byId<T extends { readonly id: string }>(rows: readonly T[]) {
  return (wanted: string): T => {
    const row = rows.find((r) => r.id === wanted);
    if (row === undefined) throw new Error(`no row ${wanted}`);
    return row;
  };
}
