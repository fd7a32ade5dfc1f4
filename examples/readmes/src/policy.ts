// The example of packages/policy/README.md.
// #region example
import { definePolicy, tenancyPolicy } from "@rookery/policy";

// The Owner / Admin / Member table over your resource types: tickets live in a
// workspace (a support team), macros are shared by the whole tenant.
const helpDesk = tenancyPolicy({ resources: { ticket: "workspace", macro: "tenant" } });

const agent = {
  userId: "agent-1",
  tenantId: "acme",
  role: "member" as const,
  workspaceIds: new Set(["support-eu"]),
};
helpDesk.allows(agent, "ticket.update", { tenantId: "acme", workspaceId: "support-eu" }); // true
helpDesk.allows(agent, "macro.update", { tenantId: "acme" }); // false: members only read macros
helpDesk.filter(agent, "ticket.read", "ticket"); // { kind: "workspaces", workspaceIds: ["support-eu"] }
console.log(helpDesk.explain(agent, "ticket.read", { tenantId: "globex", workspaceId: "x" }).lines);

// Or a policy of your own: a misspelt action or role does not compile.
const newsroom = definePolicy({
  roles: {
    editor: { inherits: ["reader"], workspaces: "assigned" },
    reader: { workspaces: "assigned" },
  },
  resources: { story: "workspace" },
  actions: { "story.read": { roles: ["reader"] }, "story.edit": { roles: ["editor"] } },
});
const reader = {
  userId: "u1",
  tenantId: "t1",
  role: "reader" as const,
  workspaceIds: new Set(["desk"]),
};
newsroom.allows(reader, "story.edit", { tenantId: "t1", workspaceId: "desk" }); // false
// #endregion example
