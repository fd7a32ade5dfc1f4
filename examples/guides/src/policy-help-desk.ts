// The runnable example of docs/policy.md, run by policy.test.ts.
// #region help-desk
import { definePolicy, tenancyDefinition, tenancyPolicy } from "@rookery/policy";

// 1. The Owner / Admin / Member table over the application's own resource types:
//    tickets live in a workspace (a support team), macros are shared by the tenant.
const helpDesk = tenancyPolicy({
  resources: { ticket: "workspace", macro: "tenant" },
});

// 2. The same table with one more action: only admins (and so owners) close tickets for good.
const table = tenancyDefinition({ resources: { ticket: "workspace", macro: "tenant" } });
const helpDeskWithArchive = definePolicy({
  ...table,
  actions: { ...table.actions, "ticket.archive": { roles: ["admin"] } },
});

// 3. A policy of its own: other roles, other actions, no membership management.
const newsroom = definePolicy({
  roles: {
    chief: { inherits: ["editor"], workspaces: "all" },
    editor: { inherits: ["reader"], workspaces: "assigned" },
    reader: { workspaces: "assigned" },
  },
  resources: { story: "workspace", styleguide: "tenant", newsroom: "tenant" },
  actions: {
    "story.read": { roles: ["reader"] },
    "story.edit": { roles: ["editor"] },
    "story.publish": { roles: ["chief"] },
    "styleguide.read": { roles: ["reader"] },
    "styleguide.edit": { roles: ["chief"] },
    // Opening a desk acts on the tenant: the desk (workspace) does not exist yet.
    "desk.open": { roles: ["chief"], resource: "newsroom" },
  },
});

const agent = {
  userId: "agent-1",
  tenantId: "acme",
  role: "member",
  workspaceIds: new Set(["support-eu"]),
} as const;
const eu = { tenantId: "acme", workspaceId: "support-eu" };
const us = { tenantId: "acme", workspaceId: "support-us" };
const euTicket = helpDesk.allows(agent, "ticket.update", eu); // true
const usTicket = helpDesk.allows(agent, "ticket.update", us); // false
const macro = helpDesk.allows(agent, "macro.update", { tenantId: "acme" }); // false: read only
const archive = helpDeskWithArchive.allows(agent, "ticket.archive", eu); // false: admins only
const tickets = helpDesk.filter(agent, "ticket.read", "ticket");
// { kind: "workspaces", workspaceIds: ["support-eu"] }
const why = helpDesk.explain(agent, "ticket.read", { tenantId: "globex", workspaceId: "x" });
// why.lines[0]: "denied (tenant-mismatch) at the tenant step"

const editor = {
  userId: "ed",
  tenantId: "daily",
  role: "editor",
  workspaceIds: new Set(["sports"]),
} as const;
const story = { tenantId: "daily", workspaceId: "sports" };
const edits = newsroom.allows(editor, "story.edit", story); // true
const publishes = newsroom.check(editor, "story.publish", story).reason; // "not-granted"
// #endregion help-desk

export const helpDeskAnswers = {
  euTicket,
  usTicket,
  macro,
  archive,
  tickets,
  why,
  edits,
  publishes,
  problems: [helpDesk, helpDeskWithArchive, newsroom].flatMap((policy) => policy.problems),
};
