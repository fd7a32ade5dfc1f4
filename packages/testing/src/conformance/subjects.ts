import type { UserLocation, UserLookup } from "@rookery/core/adapter";
import { ok, okAsync, safeTry } from "neverthrow";
import { expect } from "vitest";
import { expectErr, expectOk } from "../expect-result.js";
import type { RegisterTest } from "./group.js";
import { RACERS, rowsOf, tally } from "./helpers.js";

/** The application's identity for a user (its auth provider's subject): unique, exact, indexed. */
export function registerSubjectTests(test: RegisterTest): void {
  test("a user's subject is stored as given and found exactly by getBySubject", async ({
    adapter,
    inspect,
    f,
  }) => {
    // Subjects are opaque: case and spaces matter, and so do characters outside ASCII.
    const subjects = ["user_2xQf9Lk", "USER_2XQF9LK", " auth0|42 ", "ペンギン|7", "x".repeat(255)];
    const users = subjects.map((subject) => f.user({ subject }));
    const plain = f.user();
    for (const user of [...users, plain]) {
      expectOk(await adapter.platform((u) => u.users.insert(user)), user.subject ?? "no subject");
    }
    for (const user of users) {
      const found = await adapter.platform((u) => u.users.getBySubject(user.subject as string));
      expect(expectOk(found), JSON.stringify(user.subject)).toEqual(user);
    }
    for (const absent of ["user_2xqf9lk", "auth0|42", "nobody"]) {
      const found = await adapter.platform((u) => u.users.getBySubject(absent));
      expect(expectOk(found), absent).toBeNull();
    }
    expect(expectOk(await adapter.platform((u) => u.users.get(plain.id)))?.subject).toBeNull();
    const rows = await rowsOf(inspect, "users");
    expect(rows).toHaveLength(users.length + 1);
    expect(rows).toEqual(expect.arrayContaining([...users, plain]));
  });

  test("a subject belongs to one user: a second insert or an update to it is CONFLICT", async ({
    adapter,
    inspect,
    f,
  }) => {
    const first = f.user({ subject: "user_2xQf9Lk" });
    const other = f.user({ subject: "user_other" });
    for (const user of [first, other])
      expectOk(await adapter.platform((u) => u.users.insert(user)));
    const twin = f.user({ subject: "user_2xQf9Lk" });
    expectErr(await adapter.platform((u) => u.users.insert(twin)), "CONFLICT", "user");
    const moved = await adapter.platform((u) =>
      u.users.update(other.id, { subject: "user_2xQf9Lk", updatedAt: f.now() }),
    );
    expectErr(moved, "CONFLICT", "user");
    const rows = await rowsOf(inspect, "users");
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(expect.arrayContaining([first, other]));
  });

  test("users without a subject are many; clearing or removing frees a subject", async ({
    adapter,
    f,
  }) => {
    const [a, b] = [f.user(), f.user()];
    const holder = f.user({ subject: "sub-1" });
    for (const user of [a, b, holder])
      expectOk(await adapter.platform((u) => u.users.insert(user)));
    const cleared = await adapter.platform((u) =>
      u.users.update(holder.id, { subject: null, updatedAt: f.now() }),
    );
    expect(expectOk(cleared).subject).toBeNull();
    expect(expectOk(await adapter.platform((u) => u.users.getBySubject("sub-1")))).toBeNull();
    const taken = await adapter.platform((u) =>
      u.users.update(a.id, { subject: "sub-1", updatedAt: f.now() }),
    );
    expect(expectOk(taken, "taking the freed subject").subject).toBe("sub-1");
    expect(expectOk(await adapter.platform((u) => u.users.remove(a.id)))).toBe(true);
    const reused = f.user({ subject: "sub-1" });
    expectOk(await adapter.platform((u) => u.users.insert(reused)), "reusing a removed user's");
    expect(expectOk(await adapter.platform((u) => u.users.getBySubject("sub-1")))).toEqual(reused);
  });

  test("concurrent inserts of one subject: exactly one user gets it", async ({
    adapter,
    inspect,
    f,
  }) => {
    const users = Array.from({ length: RACERS }, () => f.user({ subject: "user_contested" }));
    const results = await Promise.all(
      users.map((user) => adapter.platform((u) => u.users.insert(user))),
    );
    const { succeeded, codes } = tally(results);
    expect(succeeded).toBe(1);
    expect(new Set(codes)).toEqual(new Set(["CONFLICT"]));
    const rows = (await rowsOf(inspect, "users")).filter((r) => r.subject === "user_contested");
    expect(rows).toHaveLength(1);
  });

  test("locate, where offered, answers user, claim and tenant as the three reads would", async ({
    adapter,
    f,
  }) => {
    const tenant = f.tenant();
    const member = f.user({ subject: "sub-member" });
    const loner = f.user({ subject: "sub-loner" });
    const claim = f.claim({ tenantId: tenant.id, userId: member.id });
    const setUp = await adapter.platform((u) =>
      safeTry(async function* () {
        yield* u.tenants.insert(tenant);
        yield* u.users.insert(member);
        yield* u.users.insert(loner);
        yield* u.claims.claim(claim);
        return ok(undefined);
      }),
    );
    expectOk(setUp, "setting up a tenant, a member and a user of no tenant");
    const lookups: [UserLookup, UserLocation | null][] = [
      [{ userId: member.id }, { user: member, claim, tenant }],
      [{ subject: "sub-member" }, { user: member, claim, tenant }],
      [{ userId: loner.id }, { user: loner, claim: null, tenant: null }],
      [{ subject: "sub-loner" }, { user: loner, claim: null, tenant: null }],
      [{ userId: f.userId() }, null],
      [{ subject: "SUB-MEMBER" }, null],
    ];
    for (const [by, expected] of lookups) {
      const located = await adapter.platform(
        (u) => (u.locate === undefined ? okAsync(expected) : u.locate(by)),
        { intent: "read" },
      );
      expect(expectOk(located, JSON.stringify(by))).toEqual(expected);
    }
  });
}
