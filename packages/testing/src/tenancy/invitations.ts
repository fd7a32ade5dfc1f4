import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { tally } from "../conformance/helpers.js";
import { expectErr, expectOk } from "../expect-result.js";
import { tenancyWorld } from "./penguinmails.js";
import {
  ABSENT_ID,
  auditRows,
  type Call,
  expectDenied,
  expectInvalid,
  expectNoChange,
  signedUp,
  tenantRows,
} from "./support.js";

const DAY = 86_400_000;

/** Invitations: by e-mail, a single-use token, the one-tenant claim taken at acceptance. */
export const invitationsGroup = defineGroup("tenancy: invitations", (test) => {
  test("an admin invites by e-mail: the invitation, a token shown once, an event, and no lookup", async ({
    adapter,
    inspect,
  }) => {
    const { clock, a } = await tenancyWorld(adapter);
    const [users, claims] = [await inspect.rows("users"), await inspect.rows("claims")];
    const issued = expectOk(await a.as.admin.invitations.create({ email: "Mia@A.example" }));
    expect(issued.invitation).toEqual({
      tenantId: a.tenantId,
      id: issued.invitation.id,
      email: "mia@a.example",
      role: "member",
      workspaceIds: [],
      invitedBy: a.ids.admin,
      status: "pending",
      expiresAt: new Date(clock.now().getTime() + 7 * DAY).toISOString(),
      acceptedBy: null,
      createdAt: clock.now().toISOString(),
      updatedAt: clock.now().toISOString(),
    });
    expect(issued.token).toMatch(/^rki_[\w-]{80,}$/);
    // Only a hash of the token's secret is stored; the token itself nowhere.
    const [row] = (await tenantRows(inspect, "invitations", a.tenantId)).filter(
      (r) => r.id === issued.invitation.id,
    );
    expect(row).toMatchObject({
      ...issued.invitation,
      secretHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(JSON.stringify(await tenantRows(inspect, "invitations", a.tenantId))).not.toContain(
      issued.token.slice(4),
    );
    // Creating an invitation looks nothing up about the address.
    expect(await inspect.rows("users")).toEqual(users);
    expect(await inspect.rows("claims")).toEqual(claims);
    expect((await auditRows(inspect, a.tenantId)).at(-1)).toEqual({
      action: "invitation.create",
      actorId: a.ids.admin,
      target: { type: "invitation", id: issued.invitation.id },
    });
  });

  test("the invitee inspects, signs up and accepts: a member with the role and workspaces invited", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const { invitation, token } = expectOk(
      await a.as.admin.invitations.create({ email: "mia@a.example", workspaceIds: [a.ws2, a.ws1] }),
    );
    expect(invitation.workspaceIds).toEqual([a.ws1, a.ws2].sort());
    expect(expectOk(await tenancy.invitations.inspect(token))).toEqual({
      tenant: { id: a.tenantId, name: "Penguin Corp" },
      email: "mia@a.example",
      role: "member",
      inviterName: "Ada Auk",
      expiresAt: invitation.expiresAt,
    });
    const mia = await signedUp(tenancy, "MIA@a.example", "Mia");
    const member = expectOk(
      await tenancy.invitations.accept(token, { subject: mia.subject as string }),
    );
    expect(member).toMatchObject({
      tenantId: a.tenantId,
      userId: mia.id,
      role: "member",
      name: "Mia",
    });
    const scope = expectOk(await tenancy.as({ subject: mia.subject as string }));
    expect([...expectOk(await scope.me()).workspaceIds].sort()).toEqual([a.ws1, a.ws2].sort());
    expect(await tenantRows(inspect, "invitations", a.tenantId)).toContainEqual(
      expect.objectContaining({ id: invitation.id, status: "accepted", acceptedBy: mia.id }),
    );
    expect((await auditRows(inspect, a.tenantId)).slice(-2)).toEqual([
      {
        action: "invitation.accept",
        actorId: mia.id,
        target: { type: "invitation", id: invitation.id },
      },
      { action: "member.add", actorId: mia.id, target: { type: "user", id: mia.id } },
    ]);
  });

  test("admins are invited as admins, and accept by user id as well as by subject", async ({
    adapter,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const { token } = expectOk(
      await a.as.owner.invitations.create({ email: "kim@a.example", role: "admin" }),
    );
    const kim = await signedUp(tenancy, "kim@a.example");
    expect(expectOk(await tenancy.invitations.accept(token, { userId: kim.id })).role).toBe(
      "admin",
    );
  });

  test("a token works once; answered, revoked and replaced tokens are NOT_FOUND as a forged one is", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a, b } = await tenancyWorld(adapter);
    const mia = await signedUp(tenancy, "mia@a.example");
    const inbox = tenancy.invitations;
    const accepted = expectOk(await a.as.owner.invitations.create({ email: mia.email })).token;
    expectOk(await inbox.accept(accepted, { userId: mia.id }));
    const declined = expectOk(await a.as.owner.invitations.create({ email: "kim@a.example" }));
    expectOk(await inbox.decline(declined.token));
    const revoked = expectOk(await a.as.owner.invitations.create({ email: "lou@a.example" }));
    expectOk(await a.as.owner.invitations.revoke(revoked.invitation.id));
    const replaced = expectOk(await a.as.owner.invitations.create({ email: "sam@a.example" }));
    const resent = expectOk(await a.as.owner.invitations.resend(replaced.invitation.id));
    const live = expectOk(await b.as.owner.invitations.create({ email: "sam@a.example" })).token;
    const forged = [
      `${live.slice(0, -3)}${live.endsWith("AAA") ? "BBB" : "AAA"}`, // another secret
      `rki_${Buffer.concat([Buffer.from(a.tenantId.replaceAll("-", ""), "hex"), Buffer.from(live.slice(4), "base64url").subarray(16)]).toString("base64url")}`, // B's invitation and secret, under A's id
      "rki_not-a-token",
    ];
    const dead = [accepted, declined.token, revoked.token, replaced.token, ...forged];
    const answers: unknown[] = [];
    for (const token of dead) {
      const calls: Call[] = [
        () => inbox.inspect(token),
        () => inbox.accept(token, { userId: mia.id }),
        () => inbox.decline(token),
      ];
      for (const call of calls) {
        answers.push(
          expectErr(await expectNoChange(inspect, call), "NOT_FOUND", "invitation", token),
        );
      }
    }
    // One and the same answer: nothing tells a used token from a forged one.
    expect(new Set(answers.map((e) => JSON.stringify(e))).size).toBe(1);
    expectOk(await inbox.inspect(resent.token), "the new token of the resent invitation");
    expectOk(await inbox.inspect(live), "B's invitation is untouched");
  });

  test("an invitation expires after its time (configurable); resending starts it again", async ({
    adapter,
  }) => {
    const { tenancy, clock, a } = await tenancyWorld(adapter, { invitationTtlSeconds: 3_600 });
    const mia = await signedUp(tenancy, "mia@a.example");
    const issued = expectOk(await a.as.owner.invitations.create({ email: mia.email }));
    expect(issued.invitation.expiresAt).toBe(
      new Date(clock.now().getTime() + 3_600_000).toISOString(),
    );
    clock.advance(3_600_000);
    expectErr(
      await tenancy.invitations.accept(issued.token, { userId: mia.id }),
      "NOT_FOUND",
      "invitation",
    );
    // An expired invitation no longer blocks a new one for the address.
    const again = expectOk(await a.as.owner.invitations.resend(issued.invitation.id));
    expect(again.invitation.expiresAt).toBe(
      new Date(clock.now().getTime() + 3_600_000).toISOString(),
    );
    expectErr(await tenancy.invitations.accept(issued.token, { userId: mia.id }), "NOT_FOUND");
    expectOk(await tenancy.invitations.accept(again.token, { userId: mia.id }));
  });

  test("the accepting user must have the invited e-mail, in any case", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const { token } = expectOk(await a.as.owner.invitations.create({ email: "Mia@A.example" }));
    const kim = await signedUp(tenancy, "kim@a.example");
    const wrong = await expectNoChange(inspect, () =>
      tenancy.invitations.accept(token, { userId: kim.id }),
    );
    const error = expectErr(wrong, "FORBIDDEN");
    expect(error.message).not.toContain("mia");
    expectErr(await tenancy.invitations.accept(token, { subject: "nobody" }), "NOT_FOUND", "user");
    const mia = await signedUp(tenancy, "mIA@a.EXAMPLE");
    expectOk(await tenancy.invitations.accept(token, { userId: mia.id }));
  });

  test("an invitee of another tenant gets CONFLICT themselves; the inviter learns nothing", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a, b } = await tenancyWorld(adapter);
    // Inviting B's member and inviting a stranger answer alike and read nothing shared.
    const users = await inspect.rows("users");
    const toMember = expectOk(await a.as.owner.invitations.create({ email: "max@b.example" }));
    const toStranger = expectOk(await a.as.owner.invitations.create({ email: "new@x.example" }));
    const shape = (i: typeof toMember) => ({
      ...i.invitation,
      id: "",
      email: "",
      token: typeof i.token,
    });
    expect(shape(toMember)).toEqual(shape(toStranger));
    expect(await inspect.rows("users")).toEqual(users);
    const accepted = await expectNoChange(inspect, () =>
      tenancy.invitations.accept(toMember.token, { subject: "max|b" }),
    );
    expectErr(accepted, "CONFLICT", "user");
    // The invitation stays pending, as for anyone who has not answered yet.
    const pending = expectOk(await a.as.owner.invitations.list({ status: "pending" })).items;
    expect(pending.map((i) => i.email).sort()).toEqual(["max@b.example", "new@x.example"]);
    expectOk(await b.as.member.me(), "Max is still B's");
  });

  test("pending invitations hold no seats: acceptance checks the seat and answers the invitee", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter, { plan: "starter" });
    // Three seats, all taken; inviting is still allowed.
    const { invitation, token } = expectOk(
      await a.as.owner.invitations.create({ email: "mia@a.example" }),
    );
    const mia = await signedUp(tenancy, "mia@a.example");
    const full = await expectNoChange(inspect, () =>
      tenancy.invitations.accept(token, { userId: mia.id }),
    );
    expect(expectErr(full, "LIMIT_EXCEEDED")).toMatchObject({ limit: "seats", max: 3 });
    expectOk(await a.as.member.members.leave());
    expectOk(await tenancy.invitations.accept(token, { userId: mia.id }));
    expect(await tenantRows(inspect, "invitations", a.tenantId)).toContainEqual(
      expect.objectContaining({ id: invitation.id, status: "accepted" }),
    );
  });

  test("two acceptances for the last seat: exactly one joins, and the other keeps no claim", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter, { plan: "starter" });
    expectOk(await a.as.member.members.leave());
    const people = [
      await signedUp(tenancy, "mia@a.example"),
      await signedUp(tenancy, "kim@a.example"),
    ];
    const tokens: string[] = [];
    for (const person of people) {
      tokens.push(expectOk(await a.as.owner.invitations.create({ email: person.email })).token);
    }
    const results = await Promise.all(
      people.map((person, i) =>
        tenancy.invitations.accept(tokens[i] as string, { userId: person.id }),
      ),
    );
    const { succeeded, values, codes } = tally(results);
    expect(succeeded).toBe(1);
    expect(codes).toEqual(["LIMIT_EXCEEDED"]);
    expect(await tenantRows(inspect, "memberships", a.tenantId)).toHaveLength(3);
    const claimed = (await inspect.rows("claims")).filter((c) =>
      people.some((p) => p.id === c.userId),
    );
    expect(claimed).toEqual([
      expect.objectContaining({ userId: values[0]?.userId, tenantId: a.tenantId }),
    ]);
  });

  test("owners and admins invite, never to owner; workspaces only for members, only the tenant's", async ({
    adapter,
    inspect,
  }) => {
    const { a, b } = await tenancyWorld(adapter);
    const invite = a.as.admin.invitations;
    expectDenied(
      await expectNoChange(inspect, () => a.as.member.invitations.create({ email: "x@a.example" })),
    );
    expectDenied(await a.as.member.invitations.list());
    expectInvalid(
      await expectNoChange(inspect, () =>
        invite.create({ email: "x@a.example", role: "owner" as never }),
      ),
      "role",
    );
    expectInvalid(
      await expectNoChange(inspect, () =>
        invite.create({ email: "x@a.example", role: "admin", workspaceIds: [a.ws1] }),
      ),
      "workspaceIds",
    );
    for (const workspaceId of [b.ws1, ABSENT_ID]) {
      const foreign = await expectNoChange(inspect, () =>
        invite.create({ email: "x@a.example", workspaceIds: [workspaceId] }),
      );
      expectErr(foreign, "NOT_FOUND", "workspace");
    }
  });

  test("a live invitation per address: a second is CONFLICT until it is answered or expires", async ({
    adapter,
    inspect,
  }) => {
    const { clock, a } = await tenancyWorld(adapter);
    const first = expectOk(await a.as.owner.invitations.create({ email: "mia@a.example" }));
    const twice = await expectNoChange(inspect, () =>
      a.as.admin.invitations.create({ email: "MIA@a.example" }),
    );
    expectErr(twice, "CONFLICT", "invitation");
    expectOk(await a.as.owner.invitations.revoke(first.invitation.id));
    expectOk(await a.as.owner.invitations.create({ email: "mia@a.example" }), "after revoking");
    clock.advance(8 * DAY);
    expectOk(await a.as.owner.invitations.create({ email: "mia@a.example" }), "after expiry");
  });

  test("revoke and resend: pending invitations only, each audited; list filters by status", async ({
    adapter,
    inspect,
  }) => {
    const { a, b } = await tenancyWorld(adapter);
    const { invitation } = expectOk(
      await a.as.admin.invitations.create({ email: "mia@a.example" }),
    );
    const revoked = expectOk(await a.as.admin.invitations.revoke(invitation.id));
    expect(revoked).toMatchObject({ id: invitation.id, status: "revoked" });
    expect((await auditRows(inspect, a.tenantId)).at(-1)).toMatchObject({
      action: "invitation.revoke",
    });
    const twice: Call[] = [
      () => a.as.admin.invitations.revoke(invitation.id),
      () => a.as.admin.invitations.resend(invitation.id),
    ];
    for (const call of twice) {
      expectErr(await expectNoChange(inspect, call), "INVARIANT");
    }
    expect(expectOk(await a.as.owner.invitations.list({ status: "revoked" })).items).toEqual([
      revoked,
    ]);
    expect(expectOk(await a.as.owner.invitations.list({ status: "pending" })).items).toEqual([]);
    // Another tenant's invitation ids are unknown here.
    const theirs = expectOk(await b.as.owner.invitations.create({ email: "kim@b.example" }))
      .invitation.id;
    const foreign: Call[] = [
      () => a.as.owner.invitations.revoke(theirs),
      () => a.as.owner.invitations.resend(theirs),
    ];
    for (const call of foreign) {
      expectErr(await expectNoChange(inspect, call), "NOT_FOUND", "invitation");
    }
    expect(JSON.stringify(expectOk(await a.as.owner.invitations.list()).items)).not.toContain(
      "secretHash",
    );
  });

  test("declining kills the token and is audited with no actor", async ({ adapter, inspect }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const { invitation, token } = expectOk(
      await a.as.owner.invitations.create({ email: "mia@a.example" }),
    );
    expectOk(await tenancy.invitations.decline(token));
    expect((await auditRows(inspect, a.tenantId)).at(-1)).toEqual({
      action: "invitation.decline",
      actorId: null,
      target: { type: "invitation", id: invitation.id },
    });
    expect(expectOk(await a.as.owner.invitations.list({ status: "declined" })).items).toEqual([
      expect.objectContaining({ id: invitation.id, status: "declined" }),
    ]);
  });

  test("a suspended tenant's invitation tells its holder TENANT_INACTIVE, and no one joins", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const { token } = expectOk(await a.as.owner.invitations.create({ email: "mia@a.example" }));
    const mia = await signedUp(tenancy, "mia@a.example");
    expectOk(await tenancy.platform.suspendTenant(a.tenantId));
    expectErr(await tenancy.invitations.inspect(token), "TENANT_INACTIVE");
    expectErr(
      await expectNoChange(inspect, () => tenancy.invitations.accept(token, { userId: mia.id })),
      "TENANT_INACTIVE",
    );
    expectOk(await tenancy.platform.reactivateTenant(a.tenantId));
    expectOk(await tenancy.invitations.accept(token, { userId: mia.id }));
  });

  test("a member who accepts again is CONFLICT; a workspace deleted since is skipped", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const again = expectOk(await a.as.owner.invitations.create({ email: "max@a.example" }));
    expectErr(
      await expectNoChange(inspect, () =>
        tenancy.invitations.accept(again.token, { subject: "max|a" }),
      ),
      "CONFLICT",
      "membership",
    );
    const { token } = expectOk(
      await a.as.owner.invitations.create({ email: "mia@a.example", workspaceIds: [a.ws1, a.ws2] }),
    );
    expectOk(await a.as.owner.workspaces.delete(a.ws2));
    const mia = await signedUp(tenancy, "mia@a.example");
    expectOk(await tenancy.invitations.accept(token, { userId: mia.id }));
    const assigned = (await tenantRows(inspect, "assignments", a.tenantId)).filter(
      (x) => x.userId === mia.id,
    );
    expect(assigned).toEqual([expect.objectContaining({ workspaceId: a.ws1 })]);
  });
});
