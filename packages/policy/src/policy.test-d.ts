import { describe, expectTypeOf, test } from "vitest";
import { type Actor, type Decision, definePolicy, type Filter } from "./index.js";
import { penguinPolicy } from "./testing/fixtures.js";

type Definition = (typeof penguinPolicy)["definition"];
const actor: Actor<Definition> = {
  userId: "u1",
  tenantId: "t1",
  role: "member",
  workspaceIds: new Set(["w1"]),
};

describe("checks are typed by the policy's names", () => {
  test("a known action with the target its scope needs compiles", () => {
    expectTypeOf(
      penguinPolicy.check(actor, "campaign.update", { tenantId: "t1", workspaceId: "w1" }),
    ).toEqualTypeOf<Decision>();
    expectTypeOf(penguinPolicy.allows(actor, "template.read", { tenantId: "t1" })).toBeBoolean();
    expectTypeOf(penguinPolicy.filter(actor, "campaign.read", "campaign")).toEqualTypeOf<Filter>();
  });

  test("a misspelt action does not compile", () => {
    // @ts-expect-error "campaign.updte" is not an action of the policy
    penguinPolicy.check(actor, "campaign.updte", { tenantId: "t1", workspaceId: "w1" });
    // @ts-expect-error "billing.delete" is not an action of the policy
    penguinPolicy.allows(actor, "billing.delete", { tenantId: "t1" });
  });

  test("an unknown role does not compile", () => {
    const superuser = { ...actor, role: "superuser" as const };
    // @ts-expect-error "superuser" is not a role of the policy
    penguinPolicy.check(superuser, "tenant.read", { tenantId: "t1" });
    // @ts-expect-error "root" is not a role of the policy
    penguinPolicy.canAssignRole(actor, { userId: "u2", tenantId: "t1", role: null }, "root");
  });

  test("a workspace-scoped target needs its workspace id", () => {
    // @ts-expect-error campaigns are workspace-scoped: the target needs a workspaceId
    penguinPolicy.check(actor, "campaign.update", { tenantId: "t1" });
    // @ts-expect-error the explained check is typed the same way
    penguinPolicy.explain(actor, "workspace.rename", { tenantId: "t1" });
    // Creating a workspace acts on the tenant: no workspace id is needed.
    penguinPolicy.check(actor, "workspace.create", { tenantId: "t1" });
  });

  test("a union of actions needs a workspace id if any of them is workspace-scoped", () => {
    const action = "template.read" as "template.read" | "campaign.read";
    // @ts-expect-error one of the actions is workspace-scoped
    penguinPolicy.check(actor, action, { tenantId: "t1" });
  });

  test("a filter names the action's own resource type", () => {
    // @ts-expect-error campaign.read is about campaigns, not templates
    penguinPolicy.filter(actor, "campaign.read", "template");
  });

  test("removal and transfer need a member who holds a role", () => {
    // @ts-expect-error a user who is not yet a member cannot be removed
    penguinPolicy.canRemoveMember(actor, { userId: "u2", tenantId: "t1", role: null });
  });
});

describe("definitions are checked where they are written", () => {
  test("a well-formed definition compiles and gives literal names", () => {
    const policy = definePolicy({
      roles: {
        editor: { workspaces: "assigned" },
        chief: { inherits: ["editor"], workspaces: "all" },
      },
      resources: { post: "workspace", style: "tenant" },
      actions: {
        "post.update": { roles: ["editor"] },
        "style.update": { roles: ["chief"] },
        publish: { roles: ["chief"], resource: "post" },
      },
    });
    expectTypeOf(policy.definition.roles).toHaveProperty("chief");
    type Role = Actor<(typeof policy)["definition"]>["role"];
    expectTypeOf<Role>().toEqualTypeOf<"editor" | "chief">();
  });

  test("an action granted to an unknown role does not compile", () => {
    definePolicy({
      roles: { editor: { workspaces: "assigned" } },
      resources: { post: "workspace" },
      // @ts-expect-error "writer" is not a declared role
      actions: { "post.update": { roles: ["writer"] } },
    });
  });

  test("inheriting from an unknown role does not compile", () => {
    definePolicy({
      // @ts-expect-error "boss" is not a declared role
      roles: { editor: { inherits: ["boss"], workspaces: "assigned" } },
      resources: { post: "workspace" },
      actions: { "post.update": { roles: ["editor"] } },
    });
  });

  test("an action about an undeclared resource type does not compile", () => {
    definePolicy({
      roles: { editor: { workspaces: "assigned" } },
      resources: { post: "workspace" },
      // @ts-expect-error "page" is not a declared resource type, and no resource is given
      actions: { "page.update": { roles: ["editor"] } },
    });
  });
});
