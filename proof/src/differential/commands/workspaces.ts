import type { Workspace } from "@rookery/core";
import fc from "fast-check";
import {
  type ActorArgs,
  actorArgs,
  actorTenant,
  command,
  type Pick,
  pick,
  pickUser,
  pickWorkspace,
  resolveActor,
} from "../command.js";
import { type Known, learnWorkspace } from "../known.js";
import { asActor, type Pending } from "../side.js";
import { pageLimit, workspaceName } from "./values.js";

const onWorkspace = (a: { actor: ActorArgs; workspace: Pick }, known: Known) => {
  const actor = resolveActor(a.actor, known);
  return { actor, workspaceId: pickWorkspace(a.workspace, known, actorTenant(known, actor)) };
};
const actorAndWorkspace = fc.record({ actor: actorArgs, workspace: pick });
const onAssignment = (a: { actor: ActorArgs; workspace: Pick; user: Pick }, known: Known) => {
  const target = onWorkspace(a, known);
  return { ...target, userId: pickUser(a.user, known, actorTenant(known, target.actor)) };
};
const assignmentArgs = fc.record({ actor: actorArgs, workspace: pick, user: pick });

/** A call of the workspaces service that names one workspace and nothing else. */
const byWorkspace = (name: "get" | "archive" | "unarchive" | "delete" | "assignees", weight = 2) =>
  command({
    name: `workspaces.${name}`,
    weight,
    args: actorAndWorkspace,
    resolve: onWorkspace,
    call: (side, c) =>
      asActor<unknown>(side, c.actor, (s) => s.workspaces[name](c.workspaceId) as Pending),
  });

/** The workspaces service: create, rename, archive, delete, assign. */
export const workspaceCommands = [
  command({
    name: "workspaces.create",
    weight: 8,
    args: fc.record({ actor: actorArgs, name: workspaceName }),
    resolve: (a, known) => ({ actor: resolveActor(a.actor, known), name: a.name }),
    call: (side, c) => asActor(side, c.actor, (s) => s.workspaces.create({ name: c.name })),
    learn: (known, _c, value) => {
      const ws = value as Workspace;
      learnWorkspace(known, ws.id, ws.tenantId);
    },
  }),
  command({
    name: "workspaces.list",
    args: fc.record({
      actor: actorArgs,
      status: fc.option(fc.constantFrom("active", "archived"), { nil: undefined }),
      limit: pageLimit,
      after: fc.option(pick, { nil: undefined }),
    }),
    resolve: (a, known) => {
      const actor = resolveActor(a.actor, known);
      const own = actorTenant(known, actor);
      return {
        actor,
        query: {
          ...(a.status === undefined ? {} : { status: a.status }),
          ...(a.limit === undefined ? {} : { limit: a.limit }),
          ...(a.after === undefined ? {} : { after: pickWorkspace(a.after, known, own) }),
        },
      };
    },
    call: (side, c) => asActor(side, c.actor, (s) => s.workspaces.list(c.query as never)),
  }),
  command({
    name: "workspaces.rename",
    args: fc.record({ actor: actorArgs, workspace: pick, name: workspaceName }),
    resolve: (a, known) => ({ ...onWorkspace(a, known), name: a.name }),
    call: (side, c) =>
      asActor(side, c.actor, (s) => s.workspaces.rename(c.workspaceId, { name: c.name })),
  }),
  byWorkspace("get"),
  byWorkspace("archive"),
  byWorkspace("unarchive"),
  byWorkspace("delete"),
  byWorkspace("assignees"),
  command({
    name: "workspaces.assign",
    weight: 10,
    args: assignmentArgs,
    resolve: onAssignment,
    call: (side, c) => asActor(side, c.actor, (s) => s.workspaces.assign(c.workspaceId, c.userId)),
  }),
  command({
    name: "workspaces.unassign",
    weight: 4,
    args: assignmentArgs,
    resolve: onAssignment,
    call: (side, c) =>
      asActor(side, c.actor, (s) => s.workspaces.unassign(c.workspaceId, c.userId)),
  }),
];
