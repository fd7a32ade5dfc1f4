import { err, ok, okAsync, type ResultAsync, safeTry } from "neverthrow";
import { z } from "zod";
import { type RookeryError, RookeryErrors } from "../errors.js";
import { type TenantId, type UserId, WorkspaceId } from "../ids.js";
import type { Role } from "../model/membership.js";
import type { Workspace } from "../model/workspace.js";
import { parseField, parseWith } from "../parse.js";
import type { Actor } from "./actor.js";
import type { ResourceCatalogue, SubscriptionAccess } from "./config.js";
import type { TenancyEnv } from "./env.js";
import type { ServiceAction } from "./policy-authorizer.js";
import { runScoped, type ScopedUnit, type ScopeIdentity } from "./scoped.js";
import { readAll } from "./tenant-export.js";

/** The caller as the policy sees them right now, as plain JSON. */
export interface Caller {
  readonly userId: UserId;
  readonly tenantId: TenantId;
  readonly role: Role;
  /** The workspaces assigned to the caller, ascending (owners and admins see every workspace regardless). */
  readonly workspaceIds: readonly WorkspaceId[];
}

/**
 * What the caller may do, for a UI to show or hide what the calls would
 * refuse: every action of the policy, decided by the policy that decides the
 * calls. Plain JSON, so it can be sent to a browser as it is.
 */
export interface Permissions<Resources extends ResourceCatalogue = ResourceCatalogue>
  extends Caller {
  /** The actions allowed that are about the whole tenant (members, billing, settings, shared types, ...). */
  readonly tenant: readonly ServiceAction<Resources>[];
  /** For each workspace the caller sees, by id, the actions allowed in it. */
  readonly workspaces: Readonly<Record<string, readonly ServiceAction<Resources>[]>>;
  /**
   * `read-only` while the subscription's status restricts the tenant (the
   * lists above already leave out what it refuses); else `full`.
   */
  readonly access: SubscriptionAccess;
}

/** Where a workspace-scoped action would be taken. */
export interface PermissionTarget {
  readonly workspaceId?: string;
}

const Target = z.strictObject({ workspaceId: WorkspaceId.optional() });

/** The actor as plain JSON: assignments as an ascending array. */
export function callerOf(actor: Actor): Caller {
  return {
    userId: actor.userId,
    tenantId: actor.tenantId,
    role: actor.role,
    workspaceIds: [...actor.workspaceIds].sort(),
  };
}

/**
 * Whether the policy lets the caller take `action` (on `target.workspaceId`
 * for a workspace-scoped one). A workspace that is not the tenant's answers
 * false, as one the caller may not reach does.
 */
export function can(
  env: TenancyEnv,
  who: ScopeIdentity,
  rawAction: unknown,
  rawTarget: unknown = {},
): ResultAsync<boolean, RookeryError> {
  return safeTry(async function* () {
    const action = yield* parseField(z.string(), rawAction, "action");
    const defined = env.authorizer.actions.find((a) => a.name === action);
    if (defined === undefined) {
      return err(
        RookeryErrors.validation([{ path: "action", message: "not an action of the policy" }]),
      );
    }
    const { workspaceId } = yield* parseWith(Target, rawTarget, "target");
    if (defined.perWorkspace !== (workspaceId !== undefined)) {
      const message = defined.perWorkspace
        ? "required: this action is decided per workspace"
        : "not allowed: this action is decided for the whole tenant";
      return err(RookeryErrors.validation([{ path: "workspaceId", message }], "target"));
    }
    return runScoped(
      env,
      who,
      "read",
      (s, workspace: Workspace | null) => {
        if (workspaceId !== undefined && workspace === null) return okAsync(false);
        const target = { tenantId: s.unit.tenantId, workspaceId: workspace?.id ?? null };
        return okAsync(s.env.authorizer.allows(s.actor, defined.name, target));
      },
      (unit) => (workspaceId === undefined ? okAsync(null) : unit.workspaces.get(workspaceId)),
    );
  });
}

/** The caller's permissions, in one read unit: the actor, and the workspaces they see. */
export function permissions<Resources extends ResourceCatalogue>(
  env: TenancyEnv,
  who: ScopeIdentity,
): ResultAsync<Permissions<Resources>, RookeryError> {
  return runScoped(env, who, "read", (s) =>
    safeTry(async function* () {
      const { authorizer } = s.env;
      const tenantId = s.unit.tenantId;
      const allowed = (perWorkspace: boolean, workspaceId: WorkspaceId | null) =>
        authorizer.actions
          .filter((a) => a.perWorkspace === perWorkspace)
          .filter((a) => authorizer.allows(s.actor, a.name, { tenantId, workspaceId }))
          .map((a) => a.name as ServiceAction<Resources>);
      const workspaces: Record<string, readonly ServiceAction<Resources>[]> = {};
      for (const id of yield* visibleWorkspaces(s)) workspaces[id] = allowed(true, id);
      return ok({
        ...callerOf(s.actor),
        tenant: allowed(false, null),
        workspaces,
        access: s.actor.access,
      });
    }),
  );
}

/** The workspaces `workspaces.list` would show the caller, through the same filter. */
function visibleWorkspaces(s: ScopedUnit): ResultAsync<WorkspaceId[], RookeryError> {
  const filter = s.env.authorizer.visible(s.actor, "workspace.read", "workspace");
  if (filter === null) return okAsync([]);
  return readAll((page) =>
    s.unit.workspaces.list(filter === "all" ? page : { ...page, ids: filter }),
  ).map((found) => found.map((workspace) => workspace.id));
}
