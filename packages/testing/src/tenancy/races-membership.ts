import type { RookeryAdapter, RookeryError } from "@rookery/core";
import { ResultAsync } from "neverthrow";
import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { RACERS, tally } from "../conformance/helpers.js";
import { expectErr, expectOk } from "../expect-result.js";
import { penguinTenancy, tenancyWorld } from "./penguinmails.js";
import { signedUp, tenantRows } from "./support.js";

/** Races on "one tenant per user" and "one owner" (DESIGN §2): exactly one attempt wins. */
export const membershipRacesGroup = defineGroup("tenancy: membership races", (test) => {
  test("one tenant per user: one person accepting A's and B's invitations at once joins one", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a, b } = await tenancyWorld(adapter);
    const mia = await signedUp(tenancy, "mia@contested.example");
    const tokens: string[] = [];
    for (const t of [a, b]) {
      tokens.push(expectOk(await t.as.owner.invitations.create({ email: mia.email })).token);
    }
    const results = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        tenancy.invitations.accept(tokens[i % 2] as string, {
          subject: "sub|mia@contested.example",
        }),
      ),
    );
    const { succeeded, codes } = tally(results);
    expect(succeeded).toBe(1);
    // The other tenant's acceptances meet the claim; the same token's, a used invitation.
    for (const code of codes) expect(["CONFLICT", "NOT_FOUND"]).toContain(code);
    const claims = (await inspect.rows("claims")).filter((c) => c.userId === mia.id);
    expect(claims).toHaveLength(1);
    const memberships = (await inspect.rows("memberships")).filter((m) => m.userId === mia.id);
    expect(memberships).toEqual([expect.objectContaining({ tenantId: claims[0]?.tenantId })]);
    const accepted = (await inspect.rows("invitations")).filter(
      (i) => i.email === mia.email && i.status === "accepted",
    );
    expect(accepted).toEqual([expect.objectContaining({ tenantId: claims[0]?.tenantId })]);
  });

  test("the same person added to one tenant at once joins once, with one claim", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const mia = await signedUp(tenancy, "mia@a.example");
    const results = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        (i % 2 === 0 ? a.as.owner : a.as.admin).members.add({ userId: mia.id }),
      ),
    );
    expect(tally(results).succeeded).toBe(1);
    expect((await inspect.rows("claims")).filter((c) => c.userId === mia.id)).toEqual([
      expect.objectContaining({ tenantId: a.tenantId }),
    ]);
    expect((await inspect.rows("memberships")).filter((m) => m.userId === mia.id)).toHaveLength(1);
  });

  test("an add that loses to a concurrent add of the same person keeps the winner's claim", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a, ids, clock } = await tenancyWorld(adapter);
    const mia = await signedUp(tenancy, "mia@a.example");
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    // Write units of the slow tenancy wait: its add claims the person, then stalls.
    const stalled: RookeryAdapter = {
      ...adapter,
      tenant: (tenantId, work, options) =>
        options?.intent === "read"
          ? adapter.tenant(tenantId, work, options)
          : ResultAsync.fromSafePromise(gate).andThen(() =>
              adapter.tenant(tenantId, work, options),
            ),
    };
    const slow = penguinTenancy(stalled, { ids, clock }).tenancy;
    const owner = expectOk(await slow.as(a.ids.owner));
    const loser = owner.members.add({ userId: mia.id });
    // Wait (boundedly) until the stalled add has claimed the person.
    for (let i = 0; !(await inspect.rows("claims")).some((c) => c.userId === mia.id); i++) {
      if (i > 1_000) throw new Error("The stalled add never claimed the person.");
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const winner = expectOk(await a.as.admin.members.add({ userId: mia.id }));
    open();
    expectErr(await loser, "CONFLICT", "membership");
    expect(await inspect.rows("claims")).toContainEqual(
      expect.objectContaining({ userId: winner.userId, tenantId: a.tenantId }),
    );
    expectOk(await a.as.owner.members.get(winner.userId), "the winner is a whole member");
  });

  test("a member removed and added back at once keeps their claim: one tenant, and they can act", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a, b, ids, clock } = await tenancyWorld(adapter);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    // Platform write units of the slow tenancy wait: its removal drops the membership,
    // then stalls before releasing the claim.
    const stalled: RookeryAdapter = {
      ...adapter,
      platform: (work, options) =>
        options?.intent === "read"
          ? adapter.platform(work, options)
          : ResultAsync.fromSafePromise(gate).andThen(() => adapter.platform(work, options)),
    };
    const slow = penguinTenancy(stalled, { ids, clock }).tenancy;
    const member = a.ids.member;
    const removal = expectOk(await slow.as(a.ids.owner)).members.remove(member);
    for (
      let i = 0;
      (await tenantRows(inspect, "memberships", a.tenantId)).some((m) => m.userId === member);
      i++
    ) {
      if (i > 1_000) throw new Error("The stalled removal never removed the membership.");
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expectOk(
      await a.as.owner.members.add({ userId: member }),
      "added back while the release waits",
    );
    open();
    expectOk(await removal);
    expect(await inspect.rows("claims")).toContainEqual(
      expect.objectContaining({ userId: member, tenantId: a.tenantId }),
    );
    expectOk(await tenancy.as(member), "the re-added member can act");
    expectErr(await b.as.owner.members.add({ userId: member }), "NOT_FOUND", "user");
  });

  test("one tenant per user: an unattached user added to A and B at once joins one", async ({
    adapter,
    inspect,
  }) => {
    const { a, b } = await tenancyWorld(adapter);
    expectOk(await a.as.owner.members.remove(a.ids.member));
    const results = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        (i % 2 === 0 ? a : b).as.admin.members.add({ userId: a.ids.member }),
      ),
    );
    expect(tally(results).succeeded).toBe(1);
    const memberships = (await inspect.rows("memberships")).filter(
      (m) => m.userId === a.ids.member,
    );
    expect(memberships).toHaveLength(1);
    expect((await inspect.rows("claims")).filter((c) => c.userId === a.ids.member)).toEqual([
      expect.objectContaining({ tenantId: memberships[0]?.tenantId }),
    ]);
  });

  test("one tenant per user: two signups with one owner e-mail make one tenant", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy } = penguinTenancy(adapter);
    const results = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        tenancy.platform.provisionTenant({
          name: `Company ${i}`,
          plan: "starter",
          owner: { email: "pat@contested.example" },
        }),
      ),
    );
    expect(tally(results).succeeded).toBe(1);
    expect(await inspect.rows("tenants")).toHaveLength(1);
    expect(await inspect.rows("users")).toHaveLength(1);
    expect(await inspect.rows("claims")).toHaveLength(1);
  });

  test("one owner: concurrent transfers and role changes leave exactly one owner", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    const calls: ResultAsync<unknown, RookeryError>[] = [
      a.as.owner.members.transferOwnership(a.ids.admin),
      a.as.owner.members.transferOwnership(a.ids.member),
      a.as.admin.members.changeRole(a.ids.owner, "member"),
      a.as.owner.members.changeRole(a.ids.admin, "member"),
      a.as.member.members.transferOwnership(a.ids.owner),
      a.as.owner.members.transferOwnership(a.ids.admin),
      a.as.owner.members.changeRole(a.ids.member, "admin"),
      a.as.admin.members.transferOwnership(a.ids.member),
    ];
    const results = await Promise.all(calls);
    const owners = (await tenantRows(inspect, "memberships", a.tenantId)).filter(
      (m) => m.role === "owner",
    );
    expect(owners).toHaveLength(1);
    const transfers = (await tenantRows(inspect, "audit_events", a.tenantId)).filter(
      (e) => e.action === "ownership.transfer",
    );
    expect(transfers.length).toBeGreaterThanOrEqual(1);
    expect(tally(results).succeeded).toBeGreaterThanOrEqual(1);
  });
});
