import { RookeryErrors } from "@rookery/core";
import { err, ok, safeTry } from "neverthrow";
import { expect } from "vitest";
import { expectErr, expectOk } from "../expect-result.js";
import { defineGroup } from "./group.js";
import { rowsOf, storeState } from "./helpers.js";
import { twoTenants } from "./two-tenants.js";

// A domain error such as a service would return mid-unit, with a field beyond code and message.
const refusal = RookeryErrors.limitExceeded("workspaces", 3);

export const atomicityGroup = defineGroup("atomicity", (test) => {
  test("a tenant unit returning Err after several writes leaves nothing", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { a } = await twoTenants(ctx);
    const before = await storeState(inspect);
    const tenantId = a.tenantId;
    const result = await adapter.tenant(tenantId, (u) =>
      safeTry(async function* () {
        const workspace = yield* u.workspaces.insert(f.workspace({ tenantId }));
        yield* u.resources.insert(f.resource({ tenantId, workspaceId: workspace.id }));
        yield* u.assignments.add(
          f.assignment({ tenantId, workspaceId: workspace.id, userId: a.owner }),
        );
        yield* u.settings.putTenant(f.tenantSettings({ tenantId, values: { changed: true } }));
        yield* u.audit.append(f.auditEvent({ tenantId }));
        return err(refusal);
      }),
    );
    expectErr(result, "LIMIT_EXCEEDED");
    expect(await storeState(inspect)).toEqual(before);
  });

  test("a tenant unit returning Err undoes its updates and removals too", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { a } = await twoTenants(ctx);
    const before = await storeState(inspect);
    const at = f.now();
    const result = await adapter.tenant(a.tenantId, (u) =>
      safeTry(async function* () {
        yield* u.workspaces.update(a.workspace, {
          name: "Renamed",
          status: "archived",
          updatedAt: at,
        });
        yield* u.resources.update("template", a.template.id, { data: {}, updatedAt: at });
        yield* u.memberships.updateRole(a.member, "admin", at);
        yield* u.subscription.update({ plan: "growth", updatedAt: at });
        yield* u.memberships.remove(a.member);
        yield* u.workspaces.remove(a.workspace);
        return err(refusal);
      }),
    );
    expectErr(result, "LIMIT_EXCEEDED");
    expect(await storeState(inspect)).toEqual(before);
  });

  test("a failed write whose Err the unit returns undoes the unit's earlier writes", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { a } = await twoTenants(ctx);
    const before = await storeState(inspect);
    const tenantId = a.tenantId;
    const result = await adapter.tenant(tenantId, (u) =>
      safeTry(async function* () {
        yield* u.workspaces.insert(f.workspace({ tenantId, name: "Fresh" }));
        // The name is taken: the repository's CONFLICT ends the unit.
        yield* u.workspaces.insert(f.workspace({ tenantId, name: "Outreach" }));
        return ok(undefined);
      }),
    );
    expectErr(result, "CONFLICT", "workspace");
    expect(await storeState(inspect)).toEqual(before);
  });

  test("a tenant unit that throws leaves nothing and yields INTERNAL", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { a } = await twoTenants(ctx);
    const before = await storeState(inspect);
    const tenantId = a.tenantId;
    const result = await adapter.tenant(tenantId, async (u) => {
      expectOk(await u.workspaces.insert(f.workspace({ tenantId })));
      expectOk(await u.audit.append(f.auditEvent({ tenantId })));
      throw new Error("the work failed half-way");
    });
    expectErr(result, "INTERNAL");
    expect(await storeState(inspect)).toEqual(before);
  });

  test("a tenant unit whose work throws before returning a promise yields INTERNAL", async (ctx) => {
    const { adapter, inspect } = ctx;
    const { a } = await twoTenants(ctx);
    const before = await storeState(inspect);
    const result = await adapter.tenant(a.tenantId, () => {
      throw new TypeError("synchronous failure");
    });
    expectErr(result, "INTERNAL");
    expect(await storeState(inspect)).toEqual(before);
  });

  test("the Err a tenant unit returns is passed through unchanged", async (ctx) => {
    const { adapter } = ctx;
    const { a } = await twoTenants(ctx);
    const mine = RookeryErrors.invariant("The owner cannot be removed; transfer ownership first.");
    for (const error of [mine, refusal, RookeryErrors.notFound("workspace", "No such project.")]) {
      const result = await adapter.tenant(a.tenantId, async () => err(error));
      expect(expectErr(result, error.code)).toEqual(error);
    }
  });

  test("a platform unit returning Err after several writes leaves nothing", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { a } = await twoTenants(ctx);
    const before = await storeState(inspect);
    const at = f.now();
    const result = await adapter.platform((u) =>
      safeTry(async function* () {
        const tenant = yield* u.tenants.insert(f.tenant());
        const user = yield* u.users.insert(f.user());
        yield* u.claims.claim(f.claim({ tenantId: tenant.id, userId: user.id }));
        yield* u.tenants.update(a.tenantId, { status: "suspended", updatedAt: at });
        yield* u.users.update(a.owner, { name: "Changed", updatedAt: at });
        yield* u.claims.release(a.member, a.tenantId);
        return err(refusal);
      }),
    );
    expectErr(result, "LIMIT_EXCEEDED");
    expect(await storeState(inspect)).toEqual(before);
  });

  test("a platform unit that throws leaves nothing and yields INTERNAL", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const result = await adapter.platform(async (u) => {
      expectOk(await u.tenants.insert(f.tenant()));
      expectOk(await u.users.insert(f.user()));
      throw new Error("the work failed half-way");
    });
    expectErr(result, "INTERNAL");
    expect(await rowsOf(inspect, "tenants")).toEqual([]);
    expect(await rowsOf(inspect, "users")).toEqual([]);
  });

  test("the Err a platform unit returns is passed through unchanged", async ({ adapter }) => {
    for (const error of [refusal, RookeryErrors.conflict("user", "That address is taken.")]) {
      const result = await adapter.platform(async () => err(error));
      expect(expectErr(result, error.code)).toEqual(error);
    }
  });

  test("a unit reads its own writes before it commits", async (ctx) => {
    const { adapter, f } = ctx;
    const { a } = await twoTenants(ctx);
    const tenantId = a.tenantId;
    const seen = await adapter.tenant(tenantId, (u) =>
      safeTry(async function* () {
        const workspace = yield* u.workspaces.insert(f.workspace({ tenantId }));
        const got = yield* u.workspaces.get(workspace.id);
        const count = yield* u.workspaces.count();
        yield* u.memberships.remove(a.member);
        const removed = yield* u.memberships.get(a.member);
        return ok({ same: got?.id === workspace.id, count, removed });
      }),
    );
    expect(expectOk(seen)).toEqual({ same: true, count: 2, removed: null });
  });
});
