import { describe, expect, test } from "vitest";
import { actorOf, assigned, penguinPolicy, tenant } from "./testing/fixtures.js";

const foreign = { tenantId: "t2", workspaceId: "w1" };

describe("check", () => {
  test("another tenant's target is denied first, with its own reason", () => {
    for (const role of ["owner", "admin", "member"] as const) {
      const decision = penguinPolicy.check(actorOf(role), "campaign.read", foreign);
      expect(decision).toEqual({ allowed: false, reason: "tenant-mismatch", step: "tenant" });
    }
    // Even an action the role lacks reports the tenant, so a foreign id reads as absent.
    expect(
      penguinPolicy.check(actorOf("member"), "billing.update", { tenantId: "t2" }).reason,
    ).toBe("tenant-mismatch");
  });

  test("the tenant is compared before the rest of the request is read", () => {
    const loose = penguinPolicy.check as (...args: unknown[]) => { reason: string };
    expect(loose(actorOf("owner"), "tenant.explode", { tenantId: "t2" }).reason).toBe(
      "tenant-mismatch",
    );
    expect(loose(actorOf("owner"), "campaign.read", { tenantId: "t2" }).reason).toBe(
      "tenant-mismatch",
    );
    expect(
      loose({ ...actorOf("owner"), role: "root" }, "tenant.read", { tenantId: "t2" }).reason,
    ).toBe("tenant-mismatch");
  });

  test("decisions are shared, frozen constants, not built per check", () => {
    const a = penguinPolicy.check(actorOf("admin"), "campaign.read", assigned);
    const b = penguinPolicy.check(actorOf("owner"), "template.read", tenant);
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
    const denied = penguinPolicy.check(actorOf("member"), "billing.read", tenant);
    expect(penguinPolicy.check(actorOf("admin"), "billing.read", tenant)).toBe(denied);
    expect(Object.isFrozen(denied)).toBe(true);
  });

  // The last column names the malformed part: listing (filter) takes no target, so only a
  // malformed actor or action must list nothing; with a malformed target the owner still lists all.
  test.each([
    ["no actor", null, "tenant.read", tenant, "actor"],
    [
      "an actor without tenant",
      { ...actorOf("owner"), tenantId: "" },
      "tenant.read",
      tenant,
      "actor",
    ],
    [
      "an actor without user",
      { ...actorOf("owner"), userId: undefined },
      "tenant.read",
      tenant,
      "actor",
    ],
    [
      "assignments as an array",
      { ...actorOf("member"), workspaceIds: ["w1"] },
      "campaign.read",
      assigned,
      "actor",
    ],
    ["an unknown role", { ...actorOf("owner"), role: "root" }, "tenant.read", tenant, "actor"],
    [
      "an inherited key as role",
      { ...actorOf("owner"), role: "__proto__" },
      "tenant.read",
      tenant,
      "actor",
    ],
    ["an unknown action", actorOf("owner"), "tenant.explode", tenant, "action"],
    ["an inherited key as action", actorOf("owner"), "constructor", tenant, "action"],
    ["no target", actorOf("owner"), "tenant.read", undefined, "target"],
    ["a target without tenant", actorOf("owner"), "tenant.read", {}, "target"],
    [
      "both tenants missing",
      { ...actorOf("owner"), tenantId: undefined },
      "tenant.read",
      {},
      "actor",
    ],
    ["a workspace target without workspace", actorOf("owner"), "campaign.read", tenant, "target"],
    [
      "a throwing getter",
      actorOf("owner"),
      "tenant.read",
      Object.defineProperty({}, "tenantId", {
        get() {
          throw new Error("boom");
        },
      }),
      "target",
    ],
  ])("%s is a deny, never a throw", (_name, actor, action, target, malformed) => {
    const call = [actor, action, target] as unknown as Parameters<typeof penguinPolicy.check>;
    expect(penguinPolicy.check(...call)).toMatchObject({
      allowed: false,
      reason: "malformed-input",
    });
    expect(penguinPolicy.allows(...call)).toBe(false);
    expect(penguinPolicy.explain(...call).allowed).toBe(false);
    // Asked about the action's own resource type, so a type mismatch cannot stand in for the deny.
    const resourceType = action.split(".")[0];
    expect(penguinPolicy.filter(actor as never, action as never, resourceType as never)).toEqual({
      kind: malformed === "target" ? "all" : "none",
    });
  });
});

describe("explain", () => {
  test("names the deciding step in words", () => {
    const explained = penguinPolicy.explain(actorOf("member"), "campaign.update", {
      tenantId: "t1",
      workspaceId: "w2",
    });
    expect(explained).toMatchObject({ allowed: false, reason: "workspace-not-assigned" });
    expect(explained.steps.map((s) => [s.step, s.outcome])).toEqual([
      ["tenant", "passed"],
      ["input", "passed"],
      ["role", "passed"],
      ["workspace", "denied"],
    ]);
    expect(explained.lines).toEqual([
      "denied (workspace-not-assigned) at the workspace step",
      "tenant: passed: actor and target are both in tenant t1",
      "input: passed: actor member-1 (member) asks to campaign.update",
      "role: passed: role member is granted campaign.update, but only in workspaces assigned to the actor",
      "workspace: denied: workspace w2 is not assigned to the actor",
    ]);
  });

  test("says which role an inherited grant comes from", () => {
    const explained = penguinPolicy.explain(actorOf("owner"), "template.read", tenant);
    expect(explained.lines.at(-1)).toBe(
      "role: allowed: role owner is granted template.read (inherited from member)",
    );
  });

  test("tells why a foreign target must look absent", () => {
    const explained = penguinPolicy.explain(actorOf("admin"), "campaign.read", foreign);
    expect(explained.reason).toBe("tenant-mismatch");
    expect(explained.lines.at(-1)).toContain("NOT_FOUND");
  });

  test("gives the same decision as check", () => {
    const explained = penguinPolicy.explain(actorOf("member"), "campaign.read", assigned);
    const { steps: _steps, lines: _lines, ...decision } = explained;
    expect(decision).toEqual(penguinPolicy.check(actorOf("member"), "campaign.read", assigned));
  });
});
