// The first example of docs/policy.md, run by policy.test.ts.
// #region overview
import { tenancyPolicy } from "@rookery/policy";

// The Owner / Admin / Member table over PenguinMails' resource types.
const policy = tenancyPolicy({
  resources: {
    campaign: "workspace",
    domain: "workspace",
    contact: "workspace",
    template: "tenant",
  },
});
const tenantId = "t1";
const actor = {
  userId: "u1",
  tenantId,
  role: "member",
  workspaceIds: new Set(["w1", "w2"]),
} as const;

const decision = policy.check(actor, "campaign.update", { tenantId, workspaceId: "w1" });
// { allowed: true, reason: "workspace-assigned", step: "workspace" }
const billing = policy.allows(actor, "billing.update", { tenantId }); // false
const visible = policy.filter(actor, "campaign.read", "campaign");
// { kind: "workspaces", workspaceIds: ["w1", "w2"] }
// #endregion overview

export const overview = { decision, billing, visible };
