import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { expectErr, expectOk } from "../expect-result.js";
import { tenancyWorld } from "./penguinmails.js";
import { auditRows, expectDenied, expectNoChange, tenantRows } from "./support.js";

/** Adding, removing and re-roling people, within the seats and the role table. */
export const membersGroup = defineGroup("tenancy: members", (test) => {
  test("an admin adds a new user by e-mail: user, claim, membership and event", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    const added = expectOk(await a.as.admin.members.add({ email: "Mia@A.example", name: "Mia" }));
    expect(added).toMatchObject({ role: "member", email: "mia@a.example", name: "Mia" });
    expect(await inspect.rows("users")).toContainEqual(
      expect.objectContaining({ id: added.userId, email: "mia@a.example" }),
    );
    expect(await inspect.rows("claims")).toContainEqual(
      expect.objectContaining({ userId: added.userId, tenantId: a.tenantId }),
    );
    expect(await tenantRows(inspect, "memberships", a.tenantId)).toContainEqual(
      expect.objectContaining({ userId: added.userId, role: "member" }),
    );
    expect((await auditRows(inspect, a.tenantId)).at(-1)).toEqual({
      action: "member.add",
      actorId: a.ids.admin,
      target: { type: "user", id: added.userId },
    });
  });

  test("an existing user of no tenant is added by id or e-mail, without a new user row", async ({
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
    const byEmail = expectOk(
      await b.as.owner.members.add({ email: "ada@a.example", role: "admin" }),
    );
    expect(byEmail).toMatchObject({ userId: a.ids.admin, role: "admin" });
    expect(await inspect.rows("users")).toHaveLength(users);
  });

  test("a user of another tenant is refused with CONFLICT naming no tenant", async ({
    adapter,
    inspect,
  }) => {
    const { a, b } = await tenancyWorld(adapter);
    for (const input of [{ userId: b.ids.member }, { email: "max@b.example" }]) {
      const result = await expectNoChange(inspect, () => a.as.owner.members.add(input));
      const error = expectErr(result, "CONFLICT", undefined, JSON.stringify(input));
      for (const secret of ["Penguin Corp", b.tenantId, a.tenantId]) {
        expect(error.message).not.toContain(secret);
      }
    }
  });

  test("a member of this tenant cannot be added twice", async ({ adapter, inspect }) => {
    const { a } = await tenancyWorld(adapter);
    const result = await expectNoChange(inspect, () =>
      a.as.owner.members.add({ userId: a.ids.member }),
    );
    expectErr(result, "CONFLICT");
    expectOk(await a.as.member.me(), "still a member");
  });

  test("the seat limit refuses the next member with LIMIT_EXCEEDED and leaves no user", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter, { plan: "starter" });
    const result = await expectNoChange(inspect, () =>
      a.as.owner.members.add({ email: "mia@a.example" }),
    );
    const error = expectErr(result, "LIMIT_EXCEEDED");
    expect(error).toMatchObject({ limit: "seats", max: 3 });
  });

  test("a member cannot add people; an admin cannot add an owner", async ({ adapter, inspect }) => {
    const { a } = await tenancyWorld(adapter);
    expectDenied(
      await expectNoChange(inspect, () => a.as.member.members.add({ email: "x@a.example" })),
    );
    const owner = await expectNoChange(inspect, () =>
      a.as.admin.members.add({ email: "x@a.example", role: "owner" as "admin" }),
    );
    expectErr(owner, "VALIDATION");
  });

  test("owners and admins list everyone; a member lists the people of their workspaces", async ({
    adapter,
  }) => {
    const { a } = await tenancyWorld(adapter);
    const mia = expectOk(await a.as.owner.members.add({ email: "mia@a.example" }));
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
