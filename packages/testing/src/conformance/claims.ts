import { ok, safeTry } from "neverthrow";
import { expect } from "vitest";
import { expectErr, expectOk } from "../expect-result.js";
import type { RegisterTest } from "./group.js";
import { rowsOf } from "./helpers.js";

export function registerClaimTests(test: RegisterTest): void {
  test("claim ties a user to a tenant and is idempotent for that tenant", async ({
    adapter,
    inspect,
    f,
  }) => {
    const tenant = f.tenant();
    const user = f.user();
    const claim = f.claim({ tenantId: tenant.id, userId: user.id });
    const result = await adapter.platform((u) =>
      safeTry(async function* () {
        yield* u.tenants.insert(tenant);
        yield* u.users.insert(user);
        const first = yield* u.claims.claim(claim);
        const again = yield* u.claims.claim(f.claim({ tenantId: tenant.id, userId: user.id }));
        return ok({ first, again });
      }),
    );
    const { first, again } = expectOk(result);
    expect(first).toEqual(claim);
    expect(again).toMatchObject({ tenantId: tenant.id, userId: user.id });
    expect(expectOk(await adapter.platform((u) => u.claims.get(user.id)))).toMatchObject({
      tenantId: tenant.id,
    });
    expect(await rowsOf(inspect, "claims")).toHaveLength(1);
  });

  test("claim of a user held by another tenant is CONFLICT and keeps the holder", async ({
    adapter,
    inspect,
    f,
  }) => {
    const [a, b] = [f.tenant(), f.tenant()];
    const user = f.user();
    const claim = f.claim({ tenantId: a.id, userId: user.id });
    const setUp = await adapter.platform((u) =>
      safeTry(async function* () {
        yield* u.tenants.insert(a);
        yield* u.tenants.insert(b);
        yield* u.users.insert(user);
        yield* u.claims.claim(claim);
        return ok(undefined);
      }),
    );
    expectOk(setUp, "setting up tenants, user and claims");
    const stolen = await adapter.platform((u) =>
      u.claims.claim(f.claim({ tenantId: b.id, userId: user.id })),
    );
    expectErr(stolen, "CONFLICT", "user");
    expect(await rowsOf(inspect, "claims")).toEqual([claim]);
  });

  test("claim naming an absent tenant or user is NOT_FOUND", async ({ adapter, inspect, f }) => {
    const tenant = f.tenant();
    const user = f.user();
    expectOk(await adapter.platform((u) => u.tenants.insert(tenant)));
    expectOk(await adapter.platform((u) => u.users.insert(user)));
    const noTenant = f.claim({ tenantId: f.tenantId(), userId: user.id });
    expectErr(await adapter.platform((u) => u.claims.claim(noTenant)), "NOT_FOUND", "tenant");
    const noUser = f.claim({ tenantId: tenant.id, userId: f.userId() });
    expectErr(await adapter.platform((u) => u.claims.claim(noUser)), "NOT_FOUND", "user");
    expect(await rowsOf(inspect, "claims")).toEqual([]);
  });

  test("release removes a claim only for the tenant holding it", async ({
    adapter,
    inspect,
    f,
  }) => {
    const [a, b] = [f.tenant(), f.tenant()];
    const user = f.user();
    const setUp = await adapter.platform((u) =>
      safeTry(async function* () {
        yield* u.tenants.insert(a);
        yield* u.tenants.insert(b);
        yield* u.users.insert(user);
        yield* u.claims.claim(f.claim({ tenantId: a.id, userId: user.id }));
        return ok(undefined);
      }),
    );
    expectOk(setUp, "setting up tenants, user and claims");
    expect(expectOk(await adapter.platform((u) => u.claims.release(user.id, b.id)))).toBe(false);
    expect(await rowsOf(inspect, "claims")).toHaveLength(1);
    expect(expectOk(await adapter.platform((u) => u.claims.release(user.id, a.id)))).toBe(true);
    expect(expectOk(await adapter.platform((u) => u.claims.get(user.id)))).toBeNull();
    expect(await rowsOf(inspect, "claims")).toEqual([]);
  });

  test("releaseAll releases every claim of one tenant and no other", async ({
    adapter,
    inspect,
    f,
  }) => {
    const [a, b] = [f.tenant(), f.tenant()];
    const users = [f.user(), f.user(), f.user()];
    const setUp = await adapter.platform((u) =>
      safeTry(async function* () {
        yield* u.tenants.insert(a);
        yield* u.tenants.insert(b);
        for (const [i, user] of users.entries()) {
          yield* u.users.insert(user);
          const tenantId = i < 2 ? a.id : b.id;
          yield* u.claims.claim(f.claim({ tenantId, userId: user.id }));
        }
        return ok(undefined);
      }),
    );
    expectOk(setUp, "setting up tenants, user and claims");
    const released = expectOk(await adapter.platform((u) => u.claims.releaseAll(a.id)));
    expect(released).toEqual([users[0]?.id, users[1]?.id].sort());
    expect(await rowsOf(inspect, "claims")).toEqual([
      expect.objectContaining({ tenantId: b.id, userId: users[2]?.id }),
    ]);
  });
}
