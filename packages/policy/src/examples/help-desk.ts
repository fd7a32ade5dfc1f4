// A help-desk application's policies, as docs/policy.md shows them.
// In an application, import from "@rookery/policy" instead of "../index.js".
import { definePolicy, tenancyDefinition, tenancyPolicy } from "../index.js";

// 1. The Owner / Admin / Member table over the application's own resource types:
//    tickets live in a workspace (a support team), macros are shared by the tenant.
export const helpDesk = tenancyPolicy({
  resources: { ticket: "workspace", macro: "tenant" },
});

// 2. The same table with one more action: only admins (and so owners) close tickets for good.
const table = tenancyDefinition({ resources: { ticket: "workspace", macro: "tenant" } });
export const helpDeskWithArchive = definePolicy({
  ...table,
  actions: { ...table.actions, "ticket.archive": { roles: ["admin"] } },
});

// 3. A policy of its own: other roles, other actions, no membership management.
export const newsroom = definePolicy({
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

/** Runs the examples the way a service would, and returns what it would log. */
export function runExamples(): string[] {
  const agent = {
    userId: "agent-1",
    tenantId: "acme",
    role: "member" as const,
    workspaceIds: new Set(["support-eu"]),
  };
  const log: string[] = [];
  const own = { tenantId: "acme", workspaceId: "support-eu" };
  const other = { tenantId: "acme", workspaceId: "support-us" };

  log.push(`agent updates an EU ticket: ${helpDesk.allows(agent, "ticket.update", own)}`);
  log.push(`agent updates a US ticket: ${helpDesk.allows(agent, "ticket.update", other)}`);
  log.push(`agent edits a macro: ${helpDesk.allows(agent, "macro.update", { tenantId: "acme" })}`);
  log.push(`agent archives: ${helpDeskWithArchive.allows(agent, "ticket.archive", own)}`);
  log.push(
    `agent lists tickets: ${JSON.stringify(helpDesk.filter(agent, "ticket.read", "ticket"))}`,
  );
  log.push(
    ...helpDesk.explain(agent, "ticket.read", { tenantId: "globex", workspaceId: "x" }).lines,
  );

  const editor = {
    userId: "ed",
    tenantId: "daily",
    role: "editor" as const,
    workspaceIds: new Set(["sports"]),
  };
  const story = { tenantId: "daily", workspaceId: "sports" };
  log.push(`editor edits a sports story: ${newsroom.allows(editor, "story.edit", story)}`);
  log.push(`editor publishes it: ${newsroom.check(editor, "story.publish", story).reason}`);
  return log;
}
