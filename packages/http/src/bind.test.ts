import { type RookeryError, RookeryErrors } from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import { tenancyWorld } from "@rookery/testing";
import { err, ok, type Result } from "neverthrow";
import { beforeAll, describe, expect, it } from "vitest";
import { type CallerIdentity, resolveScope, type TenancyLike } from "./bind.js";
import { checkPermission } from "./permission.js";

type World = Awaited<ReturnType<typeof tenancyWorld>>;
let world: World;
beforeAll(async () => {
  world = await tenancyWorld(memoryAdapter());
});

/** The world's tenancy, counting its `as` calls. */
function counted(): { tenancy: TenancyLike<World["a"]["as"]["owner"]>; calls: CallerIdentity[] } {
  const calls: CallerIdentity[] = [];
  return {
    calls,
    tenancy: {
      context: world.tenancy.context,
      as: (identity) => {
        calls.push(identity);
        return world.tenancy.as(identity);
      },
    },
  };
}

describe("resolveScope", () => {
  it("makes the scope with one tenancy.as, from a user id or from a session's pair", async () => {
    const { tenancy, calls } = counted();
    const byId = await resolveScope(tenancy, () => world.a.ids.member, {});
    expect(byId._unsafeUnwrap().tenantId).toBe(world.a.tenantId);
    const pair = { userId: world.b.ids.admin, tenantId: world.b.tenantId };
    const byPair = await resolveScope(tenancy, async () => pair, {});
    expect(byPair._unsafeUnwrap()).toMatchObject(pair);
    expect(calls).toEqual([world.a.ids.member, pair]);
  });

  it("hands the request to the callback", async () => {
    const { tenancy } = counted();
    const request = { headers: { "x-user": world.a.ids.owner } };
    const scope = await resolveScope(tenancy, (r: typeof request) => r.headers["x-user"], request);
    expect(scope._unsafeUnwrap().userId).toBe(world.a.ids.owner);
  });

  it("answers UNAUTHENTICATED without touching the store when nobody is signed in", async () => {
    const { tenancy, calls } = counted();
    for (const nobody of [null, undefined]) {
      const result = await resolveScope(tenancy, async () => nobody, {});
      expect(result._unsafeUnwrapErr().code).toBe("UNAUTHENTICATED");
    }
    expect(calls).toEqual([]);
  });

  it("passes on tenancy.as's errors: an unknown user is NOT_FOUND", async () => {
    const { tenancy } = counted();
    const result = await resolveScope(tenancy, () => "0190a000-0000-7000-8000-00000000dead", {});
    expect(result._unsafeUnwrapErr()).toMatchObject({ code: "NOT_FOUND", entity: "user" });
  });

  it("treats an identity tenancy.as cannot read, or a callback that throws, as the server's bug", async () => {
    const { tenancy } = counted();
    const unreadable = (await resolveScope(tenancy, () => "not-a-uuid", {}))._unsafeUnwrapErr();
    expect(unreadable.code).toBe("INTERNAL");
    expect((unreadable as { cause?: RookeryError }).cause?.code).toBe("VALIDATION");
    const boom = new Error("session store down");
    const threw = await resolveScope(
      tenancy,
      () => {
        throw boom;
      },
      {},
    );
    expect(threw._unsafeUnwrapErr()).toMatchObject({ code: "INTERNAL" });
    expect((threw._unsafeUnwrapErr() as { cause?: unknown }).cause).toBe(boom);
  });
});

describe("checkPermission", () => {
  const notMember = (scope: World["a"]["as"]["owner"]) =>
    scope.me().map((me) => me.role !== "member");

  it("allows, refuses with FORBIDDEN, or passes the check's error on", async () => {
    expect((await checkPermission(world.a.as.admin, notMember)).isOk()).toBe(true);
    const refused = await checkPermission(
      world.a.as.member,
      notMember,
      "only admins manage members",
    );
    expect(refused._unsafeUnwrapErr()).toMatchObject({
      code: "FORBIDDEN",
      message: "Not allowed: only admins manage members.",
    });
    const failing = (): Result<boolean, RookeryError> => err(RookeryErrors.unavailable("down"));
    expect((await checkPermission(world.a.as.admin, failing))._unsafeUnwrapErr().code).toBe(
      "UNAVAILABLE",
    );
    expect((await checkPermission(world.a.as.admin, () => ok(true))).isOk()).toBe(true);
  });
});
