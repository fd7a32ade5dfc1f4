import { type Actor, tenancyPolicy } from "../index.js";

/**
 * The tenancy table over PenguinMails' resource types, as the tests know them:
 * campaigns, domains and contacts per workspace, templates per tenant.
 */
export const penguinPolicy = tenancyPolicy({
  resources: {
    campaign: "workspace",
    domain: "workspace",
    contact: "workspace",
    template: "tenant",
  },
});
export type PenguinPolicyDefinition = (typeof penguinPolicy)["definition"];

/** Test actors of tenant t1 (and one of t2), members assigned to workspace w1 only. */
export const actorOf = (
  role: "owner" | "admin" | "member",
  overrides: Partial<Actor<PenguinPolicyDefinition>> = {},
): Actor<PenguinPolicyDefinition> => ({
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
