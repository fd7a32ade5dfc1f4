import type { RookeryError } from "@rookery/core";
import type { ResultAsync } from "neverthrow";
import type { PenguinScope, WorldRole, WorldTenant } from "./penguinmails.js";
import type { Outcome } from "./support.js";

/**
 * One scoped operation that takes ids. `run` acts with `scope` on the ids of
 * tenant `t`: the isolation matrix runs it with A's own ids, where `own` says
 * what each role gets by the role table, and with B's ids, where every role
 * must get NOT_FOUND.
 */
export interface IsolationOperation {
  readonly name: string;
  readonly run: (
    scope: PenguinScope,
    t: WorldTenant,
    role: WorldRole,
  ) => ResultAsync<unknown, RookeryError>;
  readonly own: Readonly<Record<WorldRole, Outcome>>;
}

const everyone = { owner: "ok", admin: "ok", member: "ok" } as const;
const managers = { owner: "ok", admin: "ok", member: "FORBIDDEN" } as const;
const ownerOnly = { owner: "ok", admin: "FORBIDDEN", member: "FORBIDDEN" } as const;
const sale = { subject: "Winter sale", status: "scheduled" } as const;

/** Someone other than the caller, so that a removal is never a leave. */
const otherThan = (t: WorldTenant, role: WorldRole) =>
  role === "member" ? t.ids.admin : t.ids.member;

export const ISOLATION_OPERATIONS: readonly IsolationOperation[] = [
  { name: "workspaces.get (ws1)", run: (s, t) => s.workspaces.get(t.ws1), own: everyone },
  { name: "workspaces.get (ws2)", run: (s, t) => s.workspaces.get(t.ws2), own: managers },
  {
    name: "workspaces.rename",
    run: (s, t) => s.workspaces.rename(t.ws1, { name: "Renamed" }),
    own: managers,
  },
  { name: "workspaces.archive", run: (s, t) => s.workspaces.archive(t.ws2), own: managers },
  { name: "workspaces.unarchive", run: (s, t) => s.workspaces.unarchive(t.ws1), own: managers },
  { name: "workspaces.delete", run: (s, t) => s.workspaces.delete(t.ws2), own: managers },
  {
    name: "workspaces.assign",
    run: (s, t) => s.workspaces.assign(t.ws2, t.ids.member),
    own: managers,
  },
  {
    name: "workspaces.unassign",
    run: (s, t) => s.workspaces.unassign(t.ws1, t.ids.member),
    own: managers,
  },
  {
    name: "workspaces.assignees (ws1)",
    run: (s, t) => s.workspaces.assignees(t.ws1),
    own: everyone,
  },
  {
    name: "workspaces.assignees (ws2)",
    run: (s, t) => s.workspaces.assignees(t.ws2),
    own: managers,
  },
  { name: "members.get", run: (s, t) => s.members.get(t.ids.member), own: everyone },
  {
    name: "members.changeRole",
    run: (s, t, role) =>
      role === "member"
        ? s.members.changeRole(t.ids.admin, "member")
        : s.members.changeRole(t.ids.member, "admin"),
    own: managers,
  },
  {
    name: "members.remove",
    run: (s, t, role) => s.members.remove(otherThan(t, role)),
    own: managers,
  },
  {
    name: "members.transferOwnership",
    run: (s, t, role) =>
      s.members.transferOwnership(role === "owner" ? t.ids.admin : otherThan(t, role)),
    own: ownerOnly,
  },
  {
    name: "campaign.create (ws2)",
    run: (s, t) => s.resources("campaign").create({ workspaceId: t.ws2, data: sale }),
    own: managers,
  },
  {
    name: "campaign.get (ws1)",
    run: (s, t) => s.resources("campaign").get(t.campaign1),
    own: everyone,
  },
  {
    name: "campaign.get (ws2)",
    run: (s, t) => s.resources("campaign").get(t.campaign2),
    own: managers,
  },
  {
    name: "campaign.update (ws1)",
    run: (s, t) => s.resources("campaign").update(t.campaign1, sale),
    own: everyone,
  },
  {
    name: "campaign.update (ws2)",
    run: (s, t) => s.resources("campaign").update(t.campaign2, sale, { expectedVersion: 1 }),
    own: managers,
  },
  {
    name: "campaign.delete (ws2)",
    run: (s, t) => s.resources("campaign").delete(t.campaign2),
    own: managers,
  },
  {
    name: "campaign.list (ws1)",
    run: (s, t) => s.resources("campaign").list({ workspaceId: t.ws1 }),
    own: everyone,
  },
  {
    name: "campaign.list (ws2)",
    run: (s, t) => s.resources("campaign").list({ workspaceId: t.ws2 }),
    own: managers,
  },
  { name: "domain.get (ws1)", run: (s, t) => s.resources("domain").get(t.domain1), own: everyone },
  {
    name: "contact.delete (ws1)",
    run: (s, t) => s.resources("contact").delete(t.contact1),
    own: everyone,
  },
  { name: "template.get", run: (s, t) => s.resources("template").get(t.template), own: everyone },
  {
    name: "template.update",
    run: (s, t) => s.resources("template").update(t.template, { name: "Mine", html: "" }),
    own: managers,
  },
  {
    name: "template.delete",
    run: (s, t) => s.resources("template").delete(t.template),
    own: managers,
  },
  { name: "settings.effective (ws1)", run: (s, t) => s.settings.effective(t.ws1), own: everyone },
  { name: "settings.effective (ws2)", run: (s, t) => s.settings.effective(t.ws2), own: managers },
  {
    name: "settings.overrideForWorkspace",
    run: (s, t) => s.settings.overrideForWorkspace(t.ws1, { signature: "— Mine" }),
    own: managers,
  },
];
