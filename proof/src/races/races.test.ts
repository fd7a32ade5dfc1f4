import type { User } from "@rookery/core";
import type { PenguinTenancy } from "@rookery/testing";
import { expectOk } from "@rookery/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresOracle } from "../oracle/postgres-oracle.js";
import { openLanes } from "../support/lanes.js";
import { PROOF } from "../support/settings.js";
import { company, raceTenancy, scopesOf, signedUp } from "./companies.js";
import { RACES, RETRIES, race, retry } from "./race.js";

const N = PROOF.racers;
const POOL = 20;
let opened: Awaited<ReturnType<typeof openLanes>>;
let tenancy: PenguinTenancy;
let oracle: PostgresOracle;

beforeAll(async () => {
  opened = await openLanes(1, { pool: POOL });
  const lane = opened.lanes[0];
  if (lane === undefined) throw new Error("no database");
  tenancy = raceTenancy(lane.adapter);
  oracle = lane.oracle;
});
afterAll(async () => {
  await opened?.close();
  const callers = RACES.reduce((n, r) => n + r.callers, 0);
  const codes: Record<string, number> = {};
  for (const r of RACES)
    for (const [c, k] of Object.entries(r.codes)) codes[c] = (codes[c] ?? 0) + k;
  console.log(
    `races: ${RACES.length}, concurrent callers: ${callers} (pool of ${POOL}), ` +
      `winners: ${RACES.reduce((n, r) => n + r.ok, 0)}, losers' codes: ${JSON.stringify(codes)}, ` +
      `retries: ${RETRIES.tried}, succeeded: ${RETRIES.succeeded}\n` +
      RACES.map(
        (r) => `  ${r.name}: ${r.callers} callers, ${r.ok} ok, ${JSON.stringify(r.codes)}`,
      ).join("\n"),
  );
});

const T = { timeout: 10 * 60_000 };
/** The `i`-th element of a list the test made non-empty. */
function nth<T>(list: readonly T[], i: number): T {
  const found = list[i];
  if (found === undefined) throw new Error(`no element ${i}`);
  return found;
}
const times = <T>(n: number, make: (i: number) => T): T[] =>
  Array.from({ length: n }, (_, i) => make(i));

describe(`races of ${N} concurrent callers on PostgreSQL: invariants hold, losers answer a documented code, a retry succeeds`, () => {
  it("two owners: the owner transfers ownership to N members at once", T, async () => {
    const c = await company(tenancy, "big", N);
    const r = await race(
      "two owners",
      c.members.map((m) => () => c.owner.members.transferOwnership(m.userId)),
      ["FORBIDDEN", "CONFLICT"],
      oracle,
    );
    expect(r.ok).toBe(1);
    const winner = c.members[r.results.findIndex((x) => x.isOk())];
    const loser = c.members.find((m) => m.userId !== winner?.userId);
    const newOwner = expectOk(await tenancy.as(winner?.userId ?? ""));
    await retry(
      "two owners",
      () => newOwner.members.transferOwnership(loser?.userId ?? ""),
      oracle,
    );
  });

  it("the last seat: N adds at once for one free seat", T, async () => {
    const c = await company(tenancy, "fifty", 49, "admin");
    const [admin] = await scopesOf(tenancy, c.members.slice(0, 1));
    const people: User[] = [];
    for (let i = 0; i < N; i++) people.push(await signedUp(tenancy, `seat-${i}@race.example`));
    const r = await race(
      "the last seat",
      people.map(
        (person, i) => () =>
          (i % 2 === 0 ? c.owner : (admin ?? c.owner)).members.add({ userId: person.id }),
      ),
      ["LIMIT_EXCEEDED"],
      oracle,
    );
    expect(r.ok).toBe(1);
    expectOk(await c.owner.members.remove(c.members[5]?.userId ?? ""));
    const loser = nth(
      people,
      r.results.findIndex((x) => x.isErr()),
    );
    await retry("the last seat", () => c.owner.members.add({ userId: loser.id }), oracle);
  });

  it("one user into two tenants: N adds of one free user from ten tenants", T, async () => {
    const companies = await Promise.all(times(10, () => company(tenancy, "big", 0)));
    const first = companies[0];
    if (first === undefined) throw new Error("no company");
    const wanted = await signedUp(tenancy, "wanted@race.example");
    const user = expectOk(await first.owner.members.add({ userId: wanted.id }));
    expectOk(await first.owner.members.remove(user.userId));
    const r = await race(
      "one user into two tenants (by id)",
      times(
        N,
        (i) => () => (companies[i % 10] ?? first).owner.members.add({ userId: user.userId }),
      ),
      // A user another tenant holds answers as an unknown one; the same tenant's, CONFLICT.
      ["NOT_FOUND", "CONFLICT"],
      oracle,
    );
    expect(r.ok).toBe(1);
    const won = companies[r.results.findIndex((x) => x.isOk()) % 10] ?? first;
    const lost = companies.find((x) => x !== won) ?? first;
    expectOk(await won.owner.members.remove(user.userId));
    await retry(
      "one user into two tenants",
      () => lost.owner.members.add({ userId: user.userId }),
      oracle,
    );
  });

  it(
    "one person into two tenants: N acceptances of ten tenants' invitations at once",
    T,
    async () => {
      const companies = await Promise.all(times(10, () => company(tenancy, "big", 0)));
      const person = await signedUp(tenancy, "new@race.example");
      const tokens: string[] = [];
      for (const c of companies) {
        tokens.push(expectOk(await c.owner.invitations.create({ email: person.email })).token);
      }
      const r = await race(
        "one person into two tenants (invitations)",
        times(
          N,
          (i) => () => tenancy.invitations.accept(nth(tokens, i % 10), { userId: person.id }),
        ),
        // Another tenant's acceptances meet the claim; the same token's, a used invitation.
        ["CONFLICT", "NOT_FOUND"],
        oracle,
      );
      expect(r.ok).toBe(1);
      const index = r.results.findIndex((x) => x.isOk());
      const won = nth(companies, index % 10);
      const lostToken = nth(tokens, (index + 1) % 10);
      expectOk(await won.owner.members.remove(person.id));
      await retry(
        "one person into two tenants",
        () => tenancy.invitations.accept(lostToken, { userId: person.id }),
        oracle,
      );
    },
  );

  it("one owner for two signups: N provisionings at once with one new owner", T, async () => {
    const r = await race(
      "one owner for two signups",
      times(
        N,
        (i) => () =>
          tenancy.platform.provisionTenant({
            name: `Signup ${i}`,
            plan: "small",
            owner: { email: "founder@race.example" },
          }),
      ),
      ["CONFLICT"],
      oracle,
    );
    expect(r.ok).toBe(1);
    // The founder hands the winning tenant over and leaves: a losing signup, retried, succeeds.
    const won = r.results.find((x) => x.isOk())?._unsafeUnwrap() as { owner: { userId: string } };
    const founder = expectOk(await tenancy.as(won.owner.userId));
    const heirUser = await signedUp(tenancy, "heir-of-signup@race.example");
    const heir = expectOk(await founder.members.add({ userId: heirUser.id }));
    expectOk(await founder.members.transferOwnership(heir.userId));
    expectOk(await founder.members.leave());
    await retry(
      "one owner for two signups",
      () =>
        tenancy.platform.provisionTenant({
          name: "Signup 1",
          plan: "small",
          owner: { email: "founder@race.example" },
        }),
      oracle,
    );
  });

  it("deleting a workspace while N-1 callers assign to it", T, async () => {
    const c = await company(tenancy, "big", N - 1);
    const ws = expectOk(await c.owner.workspaces.create({ name: "Doomed" }));
    const other = expectOk(await c.owner.workspaces.create({ name: "Safe" }));
    const r = await race(
      "delete a workspace while assigning to it",
      [
        () => c.owner.workspaces.delete(ws.id),
        ...c.members.map((m) => () => c.owner.workspaces.assign(ws.id, m.userId)),
      ],
      ["NOT_FOUND"],
      oracle,
    );
    expect(r.results[0]?.isOk()).toBe(true);
    const gone = await c.owner.workspaces.assignees(ws.id);
    expect(gone.isErr() && gone.error.code).toBe("NOT_FOUND");
    const loser = c.members[r.results.slice(1).findIndex((x) => x.isErr())] ?? c.members[0];
    await retry(
      "delete a workspace while assigning",
      () => c.owner.workspaces.assign(other.id, loser?.userId ?? ""),
      oracle,
    );
  });

  it("transferring ownership while N-1 admins remove the new owner", T, async () => {
    const c = await company(tenancy, "big", N - 1, "admin");
    const heirUser = await signedUp(tenancy, "heir@race.example");
    const target = expectOk(await c.owner.members.add({ userId: heirUser.id }));
    const admins = await scopesOf(tenancy, c.members);
    const r = await race(
      "transfer ownership while removing",
      [
        () => c.owner.members.transferOwnership(target.userId),
        ...admins.map((a) => () => a.members.remove(target.userId)),
      ],
      ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
      oracle,
    );
    const transferred = r.results[0]?.isOk() === true;
    const removals = r.results.slice(1).filter((x) => x.isOk()).length;
    // Either the transfer won (the heir, now owner, cannot be removed) or one removal did.
    expect(transferred ? removals : removals - 1, JSON.stringify({ transferred, removals })).toBe(
      0,
    );
    // The transfer won: the heir, now the owner, removes the old one. A removal won: the
    // owner hands the tenant to an admin instead.
    const admin = nth(c.members, 0);
    await retry(
      "transfer ownership while removing",
      () =>
        transferred
          ? tenancy.as(target.userId).andThen((heir) => heir.members.remove(c.owner.userId))
          : c.owner.members.transferOwnership(admin.userId),
      oracle,
    );
  });

  it("plan downgrades racing with adds and creates", T, async () => {
    const c = await company(tenancy, "big", 3);
    const people: User[] = [];
    for (let i = 0; i < N; i++) people.push(await signedUp(tenancy, `grow-${i}@race.example`));
    const r = await race(
      "downgrade while adding",
      times(
        N,
        (i) => () =>
          i % 2 === 0
            ? c.owner.subscription.changePlan("small")
            : i % 4 === 1
              ? c.owner.members.add({ userId: nth(people, i).id })
              : c.owner.workspaces.create({ name: `Grow ${i}` }),
      ),
      ["LIMIT_EXCEEDED"],
      oracle,
    );
    expect(r.ok).toBeGreaterThan(0);
    // A loser of the race (an add refused for the seats) tries again on a plan with room.
    const loser = r.results.findIndex((x, i) => i % 4 === 1 && x.isErr());
    expectOk(await c.owner.subscription.changePlan("big"));
    const late = loser < 0 ? await signedUp(tenancy, "grow-late@race.example") : nth(people, loser);
    await retry("downgrade while adding", () => c.owner.members.add({ userId: late.id }), oracle);
  });
});
