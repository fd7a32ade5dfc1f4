import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { expectErr, expectOk } from "../expect-result.js";
import { tenancyWorld } from "./penguinmails.js";
import { auditRows, expectDenied, expectNoChange, tenantRows } from "./support.js";

/** Roles, removal, leaving and the transfer of ownership, by the role table. */
export const memberRolesGroup = defineGroup("tenancy: member roles", (test) => {
  test("role changes follow the role table and never touch ownership", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    const denied = {
      "admin makes a member owner": () => a.as.admin.members.changeRole(a.ids.member, "owner"),
      "owner makes the admin owner": () => a.as.owner.members.changeRole(a.ids.admin, "owner"),
      "admin demotes the owner": () => a.as.admin.members.changeRole(a.ids.owner, "member"),
      "owner demotes themself": () => a.as.owner.members.changeRole(a.ids.owner, "admin"),
      "member promotes themself": () => a.as.member.members.changeRole(a.ids.member, "admin"),
      "member demotes the admin": () => a.as.member.members.changeRole(a.ids.admin, "member"),
    };
    for (const [name, call] of Object.entries(denied)) {
      expectDenied(await expectNoChange(inspect, call), name);
    }
    expect(expectOk(await a.as.admin.members.changeRole(a.ids.member, "admin")).role).toBe("admin");
    expect(expectOk(await a.as.owner.members.changeRole(a.ids.member, "member")).role).toBe(
      "member",
    );
    const actions = (await auditRows(inspect, a.tenantId)).slice(-2).map((e) => e.action);
    expect(actions).toEqual(["member.role_change", "member.role_change"]);
  });

  test("an admin removes a member: membership, assignments and claim go", async ({
    adapter,
    inspect,
  }) => {
    const { a, b } = await tenancyWorld(adapter);
    expectOk(await a.as.admin.members.remove(a.ids.member));
    expect(await tenantRows(inspect, "memberships", a.tenantId)).toHaveLength(2);
    expect(await tenantRows(inspect, "assignments", a.tenantId)).toEqual([]);
    expect((await inspect.rows("claims")).map((c) => c.userId)).not.toContain(a.ids.member);
    expectOk(await b.as.owner.members.add({ userId: a.ids.member }), "free to join B");
  });

  test("nobody removes the owner; a member removes nobody", async ({ adapter, inspect }) => {
    const { a } = await tenancyWorld(adapter);
    expectDenied(await expectNoChange(inspect, () => a.as.admin.members.remove(a.ids.owner)));
    expectDenied(await expectNoChange(inspect, () => a.as.member.members.remove(a.ids.admin)));
    expectErr(
      await expectNoChange(inspect, () => a.as.owner.members.remove(a.ids.owner)),
      "INVARIANT",
    );
  });

  test("a member and an admin may leave; the owner may not", async ({ adapter, inspect }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    expectErr(await expectNoChange(inspect, () => a.as.owner.members.leave()), "INVARIANT");
    expectOk(await a.as.member.members.leave());
    expectOk(await a.as.admin.members.leave());
    expectErr(await tenancy.as(a.ids.member), "NOT_FOUND");
    expect(await tenantRows(inspect, "memberships", a.tenantId)).toEqual([
      expect.objectContaining({ userId: a.ids.owner, role: "owner" }),
    ]);
  });

  test("transferring ownership is atomic: one owner before and after, the old one admin", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    expectOk(await a.as.owner.members.transferOwnership(a.ids.member));
    const roles = Object.fromEntries(
      (await tenantRows(inspect, "memberships", a.tenantId)).map((m) => [m.userId, m.role]),
    );
    expect(roles).toEqual({
      [a.ids.owner]: "admin",
      [a.ids.admin]: "admin",
      [a.ids.member]: "owner",
    });
    expectOk(await a.as.member.subscription.get(), "the new owner reads billing");
    expectDenied(await a.as.owner.subscription.get(), "the old owner no longer does");
    expect((await auditRows(inspect, a.tenantId)).at(-1)).toMatchObject({
      action: "ownership.transfer",
      actorId: a.ids.owner,
    });
  });

  test("only the owner transfers, and not to themself", async ({ adapter, inspect }) => {
    const { a } = await tenancyWorld(adapter);
    const attempts = {
      admin: () => a.as.admin.members.transferOwnership(a.ids.member),
      member: () => a.as.member.members.transferOwnership(a.ids.admin),
      self: () => a.as.owner.members.transferOwnership(a.ids.owner),
    };
    for (const [name, call] of Object.entries(attempts)) {
      expectDenied(await expectNoChange(inspect, call), name);
    }
  });
});
