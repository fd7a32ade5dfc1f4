import { createTenancy } from "@rookery/core";
import { expect } from "vitest";
import { z } from "zod";
import { defineGroup } from "../conformance/group.js";
import { expectErr, expectOk } from "../expect-result.js";
import { penguinMails, tenancyWorld, WORLD_ROLES } from "./penguinmails.js";
import { ABSENT_ID, type Call, expectDenied, expectInvalid, expectNoChange } from "./support.js";

/** How a user gets a scope, and that it never outlives their membership. */
export const entryPointsGroup = defineGroup("tenancy: entry points", (test) => {
  test("as() gives each member a scope of their tenant with their role", async ({ adapter }) => {
    const { tenancy, a, b } = await tenancyWorld(adapter);
    for (const role of WORLD_ROLES) {
      const scope = expectOk(await tenancy.as(a.ids[role]), role);
      expect(scope.tenantId).toBe(a.tenantId);
      const me = expectOk(await scope.me(), `${role}: me()`);
      expect(me.role).toBe(role);
      expect(me.tenantId).toBe(a.tenantId);
    }
    const member = expectOk(await b.as.member.me());
    expect([...member.workspaceIds]).toEqual([b.ws1]);
  });

  test("as({ userId, tenantId }) from a session gives the same scope and reads nothing", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    for (const role of WORLD_ROLES) {
      const identity = { userId: a.ids[role], tenantId: a.tenantId };
      const scope = expectOk(await expectNoChange(inspect, () => tenancy.as(identity)), role);
      expect({ userId: scope.userId, tenantId: scope.tenantId }).toEqual(identity);
      expect(expectOk(await scope.me(), `${role}: me()`).role).toBe(role);
    }
    expectInvalid(await tenancy.as({ userId: a.ids.owner, tenantId: "nope" }), "identity.tenantId");
    expectInvalid(await tenancy.as({ userId: "nope", tenantId: a.tenantId }), "identity.userId");
  });

  test("a session carrying another, an absent or a stale tenant gets NOT_FOUND on every call", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a, b } = await tenancyWorld(adapter);
    const stale = async (tenantId: string, context: string) => {
      const scope = expectOk(await tenancy.as({ userId: a.ids.owner, tenantId }), context);
      const calls: Record<string, Call> = {
        me: () => scope.me(),
        "workspaces.list": () => scope.workspaces.list(),
        "campaign.get": () => scope.resources("campaign").get(b.campaign1),
        "workspaces.create": () => scope.workspaces.create({ name: "Sneaky" }),
        "members.add": () => scope.members.add({ userId: b.ids.member }),
        "invitations.create": () => scope.invitations.create({ email: "spy@krill.example" }),
      };
      for (const [name, call] of Object.entries(calls)) {
        expectErr(
          await expectNoChange(inspect, call),
          "NOT_FOUND",
          undefined,
          `${context}: ${name}`,
        );
      }
    };
    await stale(b.tenantId, "another tenant");
    await stale(ABSENT_ID, "an absent tenant");
    expectOk(await a.as.admin.members.remove(a.ids.member));
    const removed = expectOk(await tenancy.as({ userId: a.ids.member, tenantId: a.tenantId }));
    expectErr(await removed.me(), "NOT_FOUND", undefined, "a removed member's session");
  });

  test("every role reads its tenant's profile through tenant()", async ({ adapter }) => {
    const { a } = await tenancyWorld(adapter);
    for (const role of WORLD_ROLES) {
      const tenant = expectOk(await a.as[role].tenant(), role);
      expect(tenant).toMatchObject({ id: a.tenantId, name: "Penguin Corp", status: "active" });
    }
  });

  test("as() for a user of no tenant is NOT_FOUND; a malformed id is VALIDATION", async ({
    adapter,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    expectErr(await tenancy.as(ABSENT_ID), "NOT_FOUND");
    expectOk(await a.as.owner.members.remove(a.ids.member));
    // The user row stays; the user belongs to no tenant any more.
    expectErr(await tenancy.as(a.ids.member), "NOT_FOUND");
    expectInvalid(await tenancy.as("not-a-uuid"), "userId");
  });

  test("a suspended tenant's users get TENANT_INACTIVE until it is reactivated", async ({
    adapter,
  }) => {
    const { tenancy, a, b } = await tenancyWorld(adapter);
    expectOk(await tenancy.platform.suspendTenant(a.tenantId));
    const error = expectErr(await tenancy.as(a.ids.admin), "TENANT_INACTIVE");
    expect(error).toMatchObject({ status: "suspended" });
    expectErr(await a.as.owner.workspaces.list(), "TENANT_INACTIVE", undefined, "existing scope");
    expectOk(await b.as.member.workspaces.list(), "B is untouched");
    expectOk(await tenancy.platform.reactivateTenant(a.tenantId));
    expectOk(await a.as.owner.workspaces.list(), "after reactivation");
  });

  test("a deleted tenant's users get TENANT_INACTIVE (deleted)", async ({ adapter }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    expectOk(await tenancy.platform.offboardTenant(a.tenantId));
    for (const role of WORLD_ROLES) {
      const error = expectErr(await tenancy.as(a.ids[role]), "TENANT_INACTIVE", undefined, role);
      expect(error).toMatchObject({ status: "deleted" });
      expectErr(await a.as[role].me(), "TENANT_INACTIVE", undefined, `${role}: held scope`);
    }
  });

  test("a removed member's existing scope fails on its very next call", async ({ adapter }) => {
    const { a } = await tenancyWorld(adapter);
    const held = a.as.member;
    expectOk(await held.resources("campaign").get(a.campaign1), "before removal");
    expectOk(await a.as.admin.members.remove(a.ids.member));
    expectErr(await held.resources("campaign").get(a.campaign1), "NOT_FOUND");
    expectErr(await held.me(), "NOT_FOUND");
    expectErr(await held.workspaces.list(), "NOT_FOUND");
  });

  test("a role change is in force on the scope's next call", async ({ adapter }) => {
    const { a } = await tenancyWorld(adapter);
    const held = a.as.member;
    expectDenied(await held.workspaces.create({ name: "Mine" }), "as member");
    expectOk(await a.as.owner.members.changeRole(a.ids.member, "admin"));
    expectOk(await held.workspaces.create({ name: "Mine" }), "as admin");
    expectOk(await a.as.owner.members.changeRole(a.ids.member, "member"));
    expectDenied(await held.workspaces.rename(a.ws1, { name: "Again" }), "demoted again");
  });

  test("an unassignment is in force on the scope's next call", async ({ adapter }) => {
    const { a } = await tenancyWorld(adapter);
    expectOk(await a.as.member.workspaces.get(a.ws1));
    expectOk(await a.as.admin.workspaces.unassign(a.ws1, a.ids.member));
    expectDenied(await a.as.member.workspaces.get(a.ws1));
    expectDenied(await a.as.member.resources("campaign").get(a.campaign1));
  });

  const invalidConfigs: Record<string, [Record<string, unknown>, string]> = {
    "no plan": [{ plans: {} }, "plans"],
    "a plan name that is not a slug": [
      { plans: { "Big Plan": { limits: { seats: 1, workspaces: 1 } } } },
      "plans.Big Plan",
    ],
    "negative seats": [
      { plans: { starter: { limits: { seats: -1, workspaces: 1 } } } },
      "plans.starter.limits.seats",
    ],
    "a resource type without a zod schema": [
      { resources: { campaign: { scope: "workspace", schema: {} } } },
      "resources.campaign.schema",
    ],
    "a resource scope that does not exist": [
      {
        resources: {
          campaign: { scope: "galaxy", schema: penguinMails().resources.campaign.schema },
        },
      },
      "resources.campaign.scope",
    ],
    "a short job secret": [{ jobs: { secret: "short" } }, "jobs.secret"],
    "a setting without a default": [
      { settings: { schema: z.object({ timezone: z.string() }) } },
      "settings.schema",
    ],
  };
  for (const [name, [override, path]] of Object.entries(invalidConfigs)) {
    test(`createTenancy with ${name} is VALIDATION naming ${path}`, async ({ adapter }) => {
      const options = { adapter, ...penguinMails(), ...override } as Parameters<
        typeof createTenancy
      >[0];
      const result = createTenancy(options);
      const error = expectErr(result, "VALIDATION");
      if (error.code === "VALIDATION") expect(error.issues.map((i) => i.path)).toContain(path);
    });
  }
});
