import { describe, expect, test } from "vitest";
import type { ActionName, TenancyRole } from "./index.js";
import {
  actorOf,
  assigned,
  type PenguinPolicyDefinition,
  penguinPolicy,
  roles,
  tenant,
  unassigned,
} from "./testing/fixtures.js";

type Action = ActionName<PenguinPolicyDefinition>;
/** yes: anywhere in the tenant; assigned: only in assigned workspaces; no: never. */
type Cell = "yes" | "assigned" | "no";
type Row = { actions: readonly Action[]; owner: Cell; admin: Cell; member: Cell };

const crud = (resource: "campaign" | "domain" | "contact" | "template") =>
  (["create", "read", "update", "delete"] as const).map((verb) => `${resource}.${verb}` as const);

// The role table of the design, one row per capability, as actions of the default policy.
const table: Record<string, Row> = {
  "read tenant profile, own membership": {
    actions: ["tenant.read", "membership.read"],
    owner: "yes",
    admin: "yes",
    member: "yes",
  },
  "billing: read and change subscription": {
    actions: ["billing.read", "billing.update"],
    owner: "yes",
    admin: "no",
    member: "no",
  },
  "delete / offboard the tenant, transfer ownership": {
    actions: ["tenant.delete", "tenant.transfer-ownership"],
    owner: "yes",
    admin: "no",
    member: "no",
  },
  "manage users (add, remove, change role)": {
    actions: ["member.add", "member.remove", "member.change-role"],
    owner: "yes",
    admin: "yes",
    member: "no",
  },
  "manage workspaces (create, rename, archive, delete, assign users)": {
    actions: [
      "workspace.create",
      "workspace.rename",
      "workspace.archive",
      "workspace.delete",
      "workspace.assign",
    ],
    owner: "yes",
    admin: "yes",
    member: "no",
  },
  // Not a cell of the design's table: workspaces inherit the settings, so their members read them.
  "company-wide settings: read": {
    actions: ["settings.read"],
    owner: "yes",
    admin: "yes",
    member: "yes",
  },
  "company-wide settings: change": {
    actions: ["settings.update"],
    owner: "yes",
    admin: "yes",
    member: "no",
  },
  "see workspaces": { actions: ["workspace.read"], owner: "yes", admin: "yes", member: "assigned" },
  "work on a workspace's resources": {
    actions: [...crud("campaign"), ...crud("domain"), ...crud("contact")],
    owner: "yes",
    admin: "yes",
    member: "assigned",
  },
  "tenant-wide resources: read": {
    actions: ["template.read"],
    owner: "yes",
    admin: "yes",
    member: "yes",
  },
  "tenant-wide resources: write": {
    actions: ["template.create", "template.update", "template.delete"],
    owner: "yes",
    admin: "yes",
    member: "no",
  },
  "read the audit log": { actions: ["audit.read"], owner: "yes", admin: "yes", member: "no" },
};

const workspaceScoped = (action: Action) =>
  penguinPolicy.definition.resources[
    action.split(".")[0] as keyof PenguinPolicyDefinition["resources"]
  ] === "workspace" && action !== "workspace.create";

test("the table covers every action of the default policy, each once", () => {
  const listed = Object.values(table).flatMap((row) => row.actions);
  expect([...listed].sort()).toEqual(Object.keys(penguinPolicy.definition.actions).sort());
});

describe.each(Object.entries(table))("%s", (_capability, row) => {
  describe.each(roles)("%s", (role) => {
    const cell = row[role];
    const actor = actorOf(role);
    test.each(row.actions)(`${cell === "no" ? "is denied" : "is allowed"} %s`, (action) => {
      const inside = workspaceScoped(action) ? assigned : tenant;
      const outside = workspaceScoped(action) ? unassigned : tenant;
      // The casts stand for the scope the helper above computed at run time.
      const check = (target: typeof assigned | typeof tenant) =>
        penguinPolicy.check(actor, action, target as typeof assigned);

      if (cell === "no") {
        expect(check(inside)).toMatchObject({ allowed: false, reason: "not-granted" });
        expect(check(outside)).toMatchObject({ allowed: false, reason: "not-granted" });
      } else {
        expect(check(inside).allowed).toBe(true);
        expect(check(outside)).toMatchObject(
          cell === "assigned"
            ? { allowed: false, reason: "workspace-not-assigned" }
            : { allowed: true },
        );
      }
    });
  });
});

describe("members see only their assigned workspaces", () => {
  test("the filter of a member lists the assigned workspaces; owner and admin see all", () => {
    const member = actorOf("member", { workspaceIds: new Set(["w3", "w1"]) });
    expect(penguinPolicy.filter(member, "campaign.read", "campaign")).toEqual({
      kind: "workspaces",
      workspaceIds: ["w1", "w3"],
    });
    expect(penguinPolicy.filter(member, "workspace.read", "workspace")).toEqual({
      kind: "workspaces",
      workspaceIds: ["w1", "w3"],
    });
    for (const role of ["owner", "admin"] as const) {
      expect(penguinPolicy.filter(actorOf(role), "campaign.read", "campaign")).toEqual({
        kind: "all",
      });
    }
  });

  test("a member reads tenant-scoped resources in full but writes none", () => {
    const member = actorOf("member");
    expect(penguinPolicy.filter(member, "template.read", "template")).toEqual({ kind: "all" });
    expect(penguinPolicy.filter(member, "template.update", "template")).toEqual({ kind: "none" });
  });
});

describe("the owner and the admin manage members, never the owner, never to owner", () => {
  const newMember = <R extends TenancyRole | null>(role: R) => ({
    userId: "someone",
    tenantId: "t1",
    role,
  });

  test.each([
    ["owner", null, "admin", true],
    ["owner", null, "member", true],
    ["owner", "member", "admin", true],
    ["owner", "admin", "member", true],
    ["admin", null, "admin", true],
    ["admin", null, "member", true],
    ["admin", "member", "admin", true],
    ["admin", "admin", "member", true],
    ["owner", null, "owner", false],
    ["owner", "admin", "owner", false],
    ["admin", null, "owner", false],
    ["admin", "member", "owner", false],
    ["admin", "owner", "member", false],
    ["member", null, "member", false],
    ["member", "member", "admin", false],
  ] as const)("%s giving a %s the role %s: %s", (role, current, next, allowed) => {
    expect(penguinPolicy.canAssignRole(actorOf(role), newMember(current), next).allowed).toBe(
      allowed,
    );
  });

  test.each([
    ["owner", "admin", true],
    ["owner", "member", true],
    ["admin", "admin", true],
    ["admin", "member", true],
    ["admin", "owner", false],
    ["owner", "owner", false],
    ["member", "member", false],
  ] as const)("%s removing a %s: %s", (role, target, allowed) => {
    expect(penguinPolicy.canRemoveMember(actorOf(role), newMember(target)).allowed).toBe(allowed);
  });

  test.each([
    ["owner", true],
    ["admin", false],
    ["member", false],
  ] as const)("%s transferring ownership: %s", (role, allowed) => {
    const result = penguinPolicy.canTransferOwnership(actorOf(role), newMember("admin"));
    expect(result.allowed).toBe(allowed);
  });
});
