import type { RookeryAdapter, TenantId, UserId } from "@rookery/core";
import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { expectErr, expectOk } from "../expect-result.js";
import { tenancyWorld } from "./penguinmails.js";
import {
  ABSENT_ID,
  auditRows,
  expectDenied,
  expectNoChange,
  signedUp,
  tenantRows,
} from "./support.js";

/** Adding, removing and re-roling people, within the seats and the role table. */
export const membersGroup = defineGroup("tenancy: members", (test) => {
  test("an admin adds a registered user of no tenant: claim, membership and event", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const mia = await signedUp(tenancy, "Mia@A.example", "Mia");
    const users = await inspect.rows("users");
    const added = expectOk(await a.as.admin.members.add({ userId: mia.id }));
    expect(added).toMatchObject({ role: "member", email: "mia@a.example", name: "Mia" });
    expect(await inspect.rows("users")).toEqual(users);
    expect(await inspect.rows("claims")).toContainEqual(
      expect.objectContaining({ userId: mia.id, tenantId: a.tenantId }),
    );
    expect(await tenantRows(inspect, "memberships", a.tenantId)).toContainEqual(
      expect.objectContaining({ userId: mia.id, role: "member" }),
    );
    expect((await auditRows(inspect, a.tenantId)).at(-1)).toEqual({
      action: "member.add",
      actorId: a.ids.admin,
      target: { type: "user", id: mia.id },
    });
  });

  test("a former member of another tenant, now of none, is added by id", async ({
    adapter,
    inspect,
  }) => {
    const { a, b } = await tenancyWorld(adapter);
    expectOk(await a.as.owner.members.remove(a.ids.member));
    expectOk(await a.as.owner.members.remove(a.ids.admin));
    const users = (await inspect.rows("users")).length;
    expect(expectOk(await b.as.admin.members.add({ userId: a.ids.member })).userId).toBe(
      a.ids.member,
    );
    const admin = expectOk(await b.as.owner.members.add({ userId: a.ids.admin, role: "admin" }));
    expect(admin).toMatchObject({ userId: a.ids.admin, role: "admin", email: "ada@a.example" });
    expect(await inspect.rows("users")).toHaveLength(users);
  });

  test("a user of another tenant answers exactly as an unknown user does, and nothing changes", async ({
    adapter,
    inspect,
  }) => {
    const { a, b } = await tenancyWorld(adapter);
    const unknown = expectErr(
      await expectNoChange(inspect, () => a.as.owner.members.add({ userId: ABSENT_ID })),
      "NOT_FOUND",
      "user",
    );
    for (const userId of [b.ids.member, b.ids.admin, b.ids.owner]) {
      const result = await expectNoChange(inspect, () => a.as.owner.members.add({ userId }));
      expect(expectErr(result, "NOT_FOUND", "user", userId)).toEqual(unknown);
    }
  });

  test("adding takes nothing but a user id and a role: people are brought in by e-mail through invitations", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    const byEmail = await expectNoChange(inspect, () =>
      a.as.owner.members.add({ email: "mia@a.example" } as never),
    );
    expectErr(byEmail, "VALIDATION");
  });

  test("removing a person the tenant claims without a membership (a removal stopped half-way) frees them", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a, b } = await tenancyWorld(adapter);
    const mia = await signedUp(tenancy, "Mia@A.example", "Mia");
    await claimWithoutMembership(adapter, mia.id, a.tenantId);
    expectErr(await a.as.admin.members.remove(mia.id), "NOT_FOUND", "membership");
    expect((await inspect.rows("claims")).map((c) => c.userId)).not.toContain(mia.id);
    expectOk(await b.as.admin.members.add({ userId: mia.id }), "another tenant can now add her");
  });

  test("a caller who is not a member of the tenant changes nothing of its members, their claims included", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, clock, a, b } = await tenancyWorld(adapter);
    // B's admin, with a session that names A (stale, or forged by the application's bug).
    const outsider = expectOk(await tenancy.as({ userId: b.ids.admin, tenantId: a.tenantId }));
    clock.advance(86_400_000);
    for (const userId of [a.ids.owner, a.ids.member]) {
      const result = await expectNoChange(inspect, () => outsider.members.remove(userId));
      expectErr(result, "NOT_FOUND", "membership");
    }
  });

  test("a member who may not remove members frees no claim of a person without a membership", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const mia = await signedUp(tenancy, "Mia@A.example", "Mia");
    await claimWithoutMembership(adapter, mia.id, a.tenantId);
    const result = await expectNoChange(inspect, () => a.as.member.members.remove(mia.id));
    expectErr(result, "NOT_FOUND", "membership");
  });

  test("a member of this tenant cannot be added twice", async ({ adapter, inspect }) => {
    const { a } = await tenancyWorld(adapter);
    const result = await expectNoChange(inspect, () =>
      a.as.owner.members.add({ userId: a.ids.member }),
    );
    expectErr(result, "CONFLICT");
    expectOk(await a.as.member.me(), "still a member");
  });

  test("the seat limit refuses the next member with LIMIT_EXCEEDED and leaves no claim", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter, { plan: "starter" });
    const mia = await signedUp(tenancy, "mia@a.example");
    const result = await expectNoChange(inspect, () => a.as.owner.members.add({ userId: mia.id }));
    const error = expectErr(result, "LIMIT_EXCEEDED");
    expect(error).toMatchObject({ limit: "seats", max: 3 });
  });

  test("a member cannot add people; an admin cannot add an owner", async ({ adapter, inspect }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const x = await signedUp(tenancy, "x@a.example");
    expectDenied(await expectNoChange(inspect, () => a.as.member.members.add({ userId: x.id })));
    const owner = await expectNoChange(inspect, () =>
      a.as.admin.members.add({ userId: x.id, role: "owner" as "admin" }),
    );
    expectErr(owner, "VALIDATION");
  });

  test("owners and admins list everyone; a member lists the people of their workspaces", async ({
    adapter,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const mia = expectOk(
      await a.as.owner.members.add({ userId: (await signedUp(tenancy, "mia@a.example")).id }),
    );
    expectOk(await a.as.owner.workspaces.assign(a.ws2, mia.userId));
    expectOk(await a.as.owner.workspaces.assign(a.ws1, a.ids.admin));
    const ids = async (role: "owner" | "admin" | "member") =>
      expectOk(await a.as[role].members.list()).items.map((m) => m.userId);
    const everyone = [a.ids.owner, a.ids.admin, a.ids.member, mia.userId].sort();
    expect(await ids("owner")).toEqual(everyone);
    expect(await ids("admin")).toEqual(everyone);
    expect(await ids("member")).toEqual([a.ids.admin, a.ids.member].sort());
    expectErr(await a.as.member.members.get(mia.userId), "NOT_FOUND");
    expectErr(await a.as.member.members.get(a.ids.owner), "NOT_FOUND");
    expect(expectOk(await a.as.member.members.get(a.ids.admin)).email).toBe("ada@a.example");
    const first = expectOk(await a.as.owner.members.list({ limit: 3 }));
    expect(first.items).toHaveLength(3);
    const rest = expectOk(await a.as.owner.members.list({ limit: 3, after: String(first.next) }));
    expect([...first.items, ...rest.items].map((m) => m.userId)).toEqual(everyone);
    expect(rest.next).toBeNull();
  });
});

/** The state a removal leaves when the database is lost between its two units: a claim, no membership. */
async function claimWithoutMembership(adapter: RookeryAdapter, userId: UserId, tenantId: TenantId) {
  expectOk(
    await adapter.platform((u) =>
      u.claims.claim({ userId, tenantId, claimedAt: "2026-01-01T00:00:00.000Z" }),
    ),
  );
}
