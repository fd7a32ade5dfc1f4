import type { Actor, DefaultPolicyDefinition } from "../index.js";

/** Test actors of tenant t1 (and one of t2), members assigned to workspace w1 only. */
export const actorOf = (
  role: "owner" | "admin" | "member",
  overrides: Partial<Actor<DefaultPolicyDefinition>> = {},
): Actor<DefaultPolicyDefinition> => ({
  userId: `${role}-1`,
  tenantId: "t1",
  role,
  workspaceIds: new Set(role === "member" ? ["w1"] : []),
  ...overrides,
});

export const roles = ["owner", "admin", "member"] as const;
export const assigned = { tenantId: "t1", workspaceId: "w1" };
export const unassigned = { tenantId: "t1", workspaceId: "w2" };
export const tenant = { tenantId: "t1" };
