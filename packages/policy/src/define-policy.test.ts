import { describe, expect, test } from "vitest";
import { definePolicy, type PolicyDefinition, tenancyPolicy } from "./index.js";

const editor = { userId: "e", tenantId: "t1", role: "editor", workspaceIds: new Set(["w1"]) };

// Definitions built at run time escape the compile-time checks; these tests
// cast them to prove that the compiled policy still fails closed.
const loose = (definition: unknown) => definePolicy(definition as PolicyDefinition);

describe("definePolicy", () => {
  test("a definition with problems lists them and denies everything", () => {
    const policy = loose({
      roles: { editor: { inherits: ["boss"], workspaces: "some" } },
      resources: { "post.x": "galaxy" },
      actions: { "page.update": { roles: ["writer"] } },
      membership: { owner: "king", add: "x", changeRole: "y", remove: "z", transferOwnership: "w" },
    });
    expect(policy.problems).toEqual([
      'role "editor" must reach workspaces "all" or "assigned"',
      'role "editor" inherits from unknown role "boss"',
      'resource type "post.x" must be non-empty and contain no dot',
      'resource type "post.x" must be scoped "tenant" or "workspace"',
      'action "page.update" is about unknown resource type "page"',
      'action "page.update" names unknown role "writer"',
      'membership names unknown owner role "king"',
      'membership.add names unknown action "x"',
      'membership.changeRole names unknown action "y"',
      'membership.remove names unknown action "z"',
      'membership.transferOwnership names unknown action "w"',
    ]);
    expect(
      policy.check(editor as never, "page.update" as never, { tenantId: "t1" } as never),
    ).toEqual({
      allowed: false,
      reason: "invalid-policy",
      step: "policy",
    });
  });

  test("an inheritance cycle is a problem", () => {
    const policy = loose({
      roles: {
        a: { inherits: ["b"], workspaces: "all" },
        b: { inherits: ["a"], workspaces: "all" },
      },
      resources: { post: "tenant" },
      actions: { "post.read": { roles: ["a"] } },
    });
    expect(policy.problems).toEqual(["roles inherit in a cycle: a -> b -> a"]);
  });

  test("a definition that cannot be read is a problem, not a throw", () => {
    expect(loose(null).problems).toEqual(["the definition is not an object"]);
    expect(loose({ roles: {} }).problems).toHaveLength(1);
    const hostile = {
      roles: {
        get x() {
          throw new Error("boom");
        },
      },
      resources: {},
      actions: {},
    };
    expect(loose(hostile).problems[0]).toMatch(/could not be read/);
  });

  test("a role in an action list that is inherited from reaches the heirs only", () => {
    const policy = definePolicy({
      roles: {
        chief: { inherits: ["editor"], workspaces: "all" },
        editor: { workspaces: "assigned" },
      },
      resources: { post: "workspace" },
      actions: { "post.publish": { roles: ["chief"] }, "post.update": { roles: ["editor"] } },
    });
    const chief = { ...editor, role: "chief" as const };
    const target = { tenantId: "t1", workspaceId: "w9" };
    expect(policy.allows(chief, "post.update", target)).toBe(true);
    expect(policy.check({ ...editor, role: "editor" }, "post.publish", target).reason).toBe(
      "not-granted",
    );
  });

  test("tenancyPolicy builds the table over an application's resource types", () => {
    const policy = tenancyPolicy({ resources: { invoice: "tenant", ticket: "workspace" } });
    expect(policy.problems).toEqual([]);
    const member = {
      userId: "m",
      tenantId: "t1",
      role: "member" as const,
      workspaceIds: new Set(["w1"]),
    };
    expect(policy.allows(member, "invoice.read", { tenantId: "t1" })).toBe(true);
    expect(policy.allows(member, "invoice.update", { tenantId: "t1" })).toBe(false);
    expect(policy.allows(member, "ticket.delete", { tenantId: "t1", workspaceId: "w1" })).toBe(
      true,
    );
    expect(policy.allows(member, "ticket.delete", { tenantId: "t1", workspaceId: "w2" })).toBe(
      false,
    );
  });
});
