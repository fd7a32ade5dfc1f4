import { describe, expect, test } from "vitest";
import { definePolicy } from "./index.js";
import { actorOf, penguinPolicy } from "./testing/fixtures.js";

const memberOf = <R extends "owner" | "admin" | "member" | null>(role: R, tenantId = "t1") => ({
  userId: "u9",
  tenantId,
  role,
});

describe("grants", () => {
  test("a member of another tenant is out of reach, whatever the role", () => {
    const result = penguinPolicy.canAssignRole(actorOf("owner"), memberOf("member", "t2"), "admin");
    expect(result).toMatchObject({ allowed: false, reason: "tenant-mismatch", step: "tenant" });
  });

  test("an admin cannot create an owner, and says why", () => {
    const result = penguinPolicy.canAssignRole(actorOf("admin"), memberOf(null), "owner");
    expect(result).toMatchObject({ allowed: false, reason: "owner-protected", step: "owner" });
    expect(result.lines.at(-1)).toBe(
      "owner: denied: owner is given only by transferring ownership",
    );
  });

  test("nobody demotes or removes the owner outside a transfer", () => {
    expect(penguinPolicy.canAssignRole(actorOf("admin"), memberOf("owner"), "member").reason).toBe(
      "owner-protected",
    );
    expect(penguinPolicy.canRemoveMember(actorOf("owner"), memberOf("owner")).reason).toBe(
      "owner-protected",
    );
  });

  test("the owner cannot transfer ownership to themselves or to a non-member", () => {
    const owner = actorOf("owner");
    const self = { userId: owner.userId, tenantId: "t1", role: "owner" as const };
    expect(penguinPolicy.canTransferOwnership(owner, self).reason).toBe("malformed-input");
    expect(penguinPolicy.canTransferOwnership(owner, memberOf(null) as never).reason).toBe(
      "malformed-input",
    );
  });

  test("an allowed change says every guard it passed", () => {
    const result = penguinPolicy.canAssignRole(actorOf("admin"), memberOf("member"), "admin");
    expect(result.allowed).toBe(true);
    expect(result.steps.map((s) => s.step)).toEqual([
      "tenant",
      "input",
      "role",
      "owner",
      "escalation",
    ]);
  });

  test("nobody grants a role holding rights they lack", () => {
    // An editor may add members but lacks the chief's rights, so cannot make a chief.
    const policy = definePolicy({
      roles: {
        boss: { inherits: ["chief"], workspaces: "all" },
        chief: { inherits: ["editor"], workspaces: "all" },
        editor: { workspaces: "assigned" },
      },
      resources: { post: "workspace", people: "tenant" },
      actions: {
        "post.update": { roles: ["editor"] },
        "post.publish": { roles: ["chief"] },
        "people.add": { roles: ["editor"] },
        "people.change": { roles: ["editor"] },
        "people.remove": { roles: ["editor"] },
        "people.transfer": { roles: ["boss"] },
      },
      membership: {
        owner: "boss",
        add: "people.add",
        changeRole: "people.change",
        remove: "people.remove",
        transferOwnership: "people.transfer",
      },
    });
    const editor = {
      userId: "e",
      tenantId: "t1",
      role: "editor" as const,
      workspaceIds: new Set<string>(),
    };
    const newcomer = { userId: "n", tenantId: "t1", role: null };
    expect(policy.canAssignRole(editor, newcomer, "editor").allowed).toBe(true);
    const escalation = policy.canAssignRole(editor, newcomer, "chief");
    expect(escalation).toMatchObject({ allowed: false, reason: "escalation" });
    expect(escalation.lines.at(-1)).toBe(
      "escalation: denied: role chief holds rights that role editor does not",
    );
    const chief = { userId: "c", tenantId: "t1", role: "chief" as const };
    expect(policy.canRemoveMember(editor, chief).reason).toBe("escalation");
  });

  test("without membership actions, no grant is allowed", () => {
    const policy = definePolicy({
      roles: { editor: { workspaces: "all" } },
      resources: { post: "workspace" },
      actions: { "post.update": { roles: ["editor"] } },
    });
    const editor = {
      userId: "e",
      tenantId: "t1",
      role: "editor" as const,
      workspaceIds: new Set<string>(),
    };
    const result = policy.canAssignRole(
      editor,
      { userId: "n", tenantId: "t1", role: null },
      "editor",
    );
    expect(result).toMatchObject({ allowed: false, reason: "not-granted" });
  });

  test("malformed input is a deny, never a throw", () => {
    const call = penguinPolicy.canAssignRole as (...args: unknown[]) => { allowed: boolean };
    expect(call(null, null, null).allowed).toBe(false);
    expect(call(actorOf("owner"), memberOf("member"), "emperor").allowed).toBe(false);
    expect(call(actorOf("owner"), { ...memberOf("member"), role: "ghost" }, "member").allowed).toBe(
      false,
    );
  });
});
