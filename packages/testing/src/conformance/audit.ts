import { AuditEventId } from "@rookery/core/adapter";
import { expect } from "vitest";
import { expectErr, expectOk } from "../expect-result.js";
import { seedTenant } from "../seed-tenant.js";
import { defineGroup } from "./group.js";
import { rowsOf } from "./helpers.js";

// Fixed ids, apart from the fixtures' sequence, so the expected order is written out.
const id = (n: number) => AuditEventId.parse(`00000000-0000-7000-8000-b0000000000${n}`);

export const auditGroup = defineGroup("audit", (test) => {
  test("append stores the event and list returns it", async ({ adapter, inspect, f }) => {
    const { tenant, owner } = await seedTenant(adapter, f);
    const event = f.auditEvent({
      tenantId: tenant.id,
      actorId: owner.id,
      action: "workspace.create",
      target: { type: "workspace", id: "w-1" },
      before: null,
      after: { name: "Outreach", tags: ["a", "b"] },
    });
    expect(expectOk(await adapter.tenant(tenant.id, (u) => u.audit.append(event)))).toEqual(event);
    const page = await adapter.tenant(tenant.id, (u) => u.audit.list({ limit: 50 }));
    expect(expectOk(page)).toEqual({ items: [event], next: null });
    expect(await rowsOf(inspect, "audit_events")).toEqual([event]);
  });

  test("list is empty with next null when there are no events", async ({ adapter, f }) => {
    const { tenant } = await seedTenant(adapter, f);
    const page = await adapter.tenant(tenant.id, (u) => u.audit.list({ limit: 50 }));
    expect(expectOk(page)).toEqual({ items: [], next: null });
  });

  test("list pages in ascending id order", async ({ adapter, f }) => {
    const { tenant } = await seedTenant(adapter, f);
    for (const n of [4, 2, 5, 1, 3]) {
      const event = f.auditEvent({ tenantId: tenant.id, id: id(n) });
      expectOk(await adapter.tenant(tenant.id, (u) => u.audit.append(event)));
    }
    const ids = async (query: { limit: number; after?: string }) => {
      const page = expectOk(await adapter.tenant(tenant.id, (u) => u.audit.list(query)));
      return { ids: page.items.map((e) => e.id), next: page.next };
    };
    expect(await ids({ limit: 2 })).toEqual({ ids: [id(1), id(2)], next: id(2) });
    expect(await ids({ limit: 2, after: id(2) })).toEqual({ ids: [id(3), id(4)], next: id(4) });
    expect(await ids({ limit: 2, after: id(4) })).toEqual({ ids: [id(5)], next: null });
  });

  test("append of an existing id is CONFLICT and keeps the first event", async ({
    adapter,
    inspect,
    f,
  }) => {
    const { tenant } = await seedTenant(adapter, f);
    const event = f.auditEvent({ tenantId: tenant.id, action: "member.add" });
    expectOk(await adapter.tenant(tenant.id, (u) => u.audit.append(event)));
    const twin = f.auditEvent({ tenantId: tenant.id, id: event.id, action: "member.remove" });
    const result = await adapter.tenant(tenant.id, (u) => u.audit.append(twin));
    expectErr(result, "CONFLICT", "audit_event");
    expect(await rowsOf(inspect, "audit_events")).toEqual([event]);
  });
});
