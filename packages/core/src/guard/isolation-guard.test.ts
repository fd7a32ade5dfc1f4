import { okAsync } from "neverthrow";
import { describe, expect, it } from "vitest";
import type { TenantId } from "../ids.js";
import type { RookeryAdapter } from "../port/adapter.js";
import type { TenantUnit } from "../port/tenant-unit.js";
import { guardIsolation } from "./isolation-guard.js";

const A = "00000000-0000-7000-8000-00000000000a" as TenantId;
const B = "00000000-0000-7000-8000-00000000000b" as TenantId;

/** An adapter whose store is broken on purpose: it answers with tenant B's rows. */
function leakyAdapter(): RookeryAdapter {
  const row = { tenantId: B, id: "w", name: "B's" };
  const unit = {
    tenantId: A,
    workspaces: {
      get: () => okAsync(row),
      list: () => okAsync({ items: [row], next: null }),
      insert: (input: unknown) => okAsync(input),
    },
    assignments: { listForUser: () => okAsync([row]) },
    memberships: { count: () => okAsync(3) },
    tenant: { get: () => okAsync({ id: B, name: "B's" }) },
  } as unknown as TenantUnit;
  return {
    name: "leaky",
    platform: () => okAsync(undefined as never),
    tenant: (_id, work) => okAsync(undefined).andThen(() => work(unit) as never),
  };
}

describe("guardIsolation", () => {
  const adapter = guardIsolation(leakyAdapter());

  it("refuses a row of another tenant that the store returns, alone, in a page or in a list", async () => {
    for (const call of [
      (u: TenantUnit) => u.workspaces.get("w" as never),
      (u: TenantUnit) => u.workspaces.list({ limit: 10 }),
      (u: TenantUnit) => u.assignments.listForUser("u" as never),
    ]) {
      const result = await adapter.tenant(A, call as never);
      expect(result._unsafeUnwrapErr().code).toBe("ISOLATION_BREACH");
    }
  });

  it("refuses a row for another tenant before the store sees it", async () => {
    const result = await adapter.tenant(A, (u) => u.workspaces.insert({ tenantId: B } as never));
    expect(result._unsafeUnwrapErr().message).toMatch(/passed to this tenant's unit/);
  });

  it("refuses another tenant's tenant row", async () => {
    const result = await adapter.tenant(A, (u) => u.tenant.get());
    expect(result._unsafeUnwrapErr().code).toBe("ISOLATION_BREACH");
  });

  it("lets values without a tenant through", async () => {
    const result = await adapter.tenant(A, (u) => u.memberships.count());
    expect(result._unsafeUnwrap()).toBe(3);
  });
});
