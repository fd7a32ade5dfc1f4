import type { TenantId, UserId, WorkspaceId } from "@rookery/core";
import { ok, safeTry } from "neverthrow";
import { expect } from "vitest";
import { expectErr, expectOk } from "../expect-result.js";
import type { Fixtures } from "../fixtures.js";
import { seedTenant } from "../seed-tenant.js";
import type { ConformanceContext, RegisterTest } from "./group.js";
import { addMember, rowsOf } from "./helpers.js";

/** A tenant with two members and two workspaces, none assigned yet. */
async function setUp({ adapter, f }: ConformanceContext) {
  const { tenant, owner } = await seedTenant(adapter, f);
  const { user } = await addMember(adapter, f, tenant.id);
  const workspaces = [f.workspace({ tenantId: tenant.id }), f.workspace({ tenantId: tenant.id })];
  for (const w of workspaces) {
    expectOk(await adapter.tenant(tenant.id, (u) => u.workspaces.insert(w)));
  }
  const [w1, w2] = workspaces.map((w) => w.id) as [WorkspaceId, WorkspaceId];
  return { tenantId: tenant.id, owner: owner.id, member: user.id, w1, w2 };
}

const assign = (f: Fixtures, tenantId: TenantId, workspaceId: WorkspaceId, userId: UserId) =>
  f.assignment({ tenantId, workspaceId, userId });

export function registerAssignmentTests(test: RegisterTest): void {
  test("assignment add stores it; listForUser and listForWorkspace are ordered", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { tenantId, owner, member, w1, w2 } = await setUp(ctx);
    // Added out of order, to see that the lists sort.
    const pairs = [
      [w2, member],
      [w1, member],
      [w1, owner],
    ] as const;
    const added = pairs.map(([w, u]) => assign(f, tenantId, w, u));
    for (const a of added) {
      expect(expectOk(await adapter.tenant(tenantId, (u) => u.assignments.add(a)))).toEqual(a);
    }
    const lists = await adapter.tenant(tenantId, (u) =>
      safeTry(async function* () {
        const forMember = yield* u.assignments.listForUser(member);
        const forW1 = yield* u.assignments.listForWorkspace(w1);
        return ok({ forMember, forW1 });
      }),
    );
    const { forMember, forW1 } = expectOk(lists);
    expect(forMember).toEqual([added[1], added[0]]);
    // The owner was seeded before the member, so has the lower user id.
    expect(forW1).toEqual([added[2], added[1]]);
    const rows = await rowsOf(inspect, "assignments");
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(expect.arrayContaining(added));
  });

  test("assignment add for an unknown workspace or member is NOT_FOUND", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { tenantId, member, w1 } = await setUp(ctx);
    const noWorkspace = assign(f, tenantId, f.workspaceId(), member);
    expectErr(
      await adapter.tenant(tenantId, (u) => u.assignments.add(noWorkspace)),
      "NOT_FOUND",
      "workspace",
    );
    const noMember = assign(f, tenantId, w1, f.userId());
    expectErr(
      await adapter.tenant(tenantId, (u) => u.assignments.add(noMember)),
      "NOT_FOUND",
      "membership",
    );
    expect(await rowsOf(inspect, "assignments")).toEqual([]);
  });

  test("assignment add of an existing pair is CONFLICT", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { tenantId, member, w1 } = await setUp(ctx);
    const first = assign(f, tenantId, w1, member);
    expectOk(await adapter.tenant(tenantId, (u) => u.assignments.add(first)));
    const again = assign(f, tenantId, w1, member);
    expectErr(
      await adapter.tenant(tenantId, (u) => u.assignments.add(again)),
      "CONFLICT",
      "assignment",
    );
    expect(await rowsOf(inspect, "assignments")).toEqual([first]);
  });

  test("assignment remove deletes one pair and reports whether it went", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { tenantId, member, w1, w2 } = await setUp(ctx);
    for (const w of [w1, w2]) {
      expectOk(
        await adapter.tenant(tenantId, (u) => u.assignments.add(assign(f, tenantId, w, member))),
      );
    }
    const remove = () => adapter.tenant(tenantId, (u) => u.assignments.remove(w1, member));
    expect(expectOk(await remove())).toBe(true);
    expect(expectOk(await remove())).toBe(false);
    const left = await adapter.tenant(tenantId, (u) => u.assignments.listForUser(member));
    expect(expectOk(left).map((a) => a.workspaceId)).toEqual([w2]);
    expect(await rowsOf(inspect, "assignments")).toEqual([
      expect.objectContaining({ workspaceId: w2, userId: member }),
    ]);
  });
}
