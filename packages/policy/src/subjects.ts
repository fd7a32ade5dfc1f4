import type { ActionName, ActionScope, PolicyDefinition, RoleName } from "./definition.js";

/**
 * Who is asking: a user of one tenant with one role, and the workspaces
 * assigned to them. The assignments are a Set so that a check stays one lookup
 * however many workspaces the user has.
 */
export interface Actor<D extends PolicyDefinition = PolicyDefinition> {
  readonly userId: string;
  readonly tenantId: string;
  readonly role: RoleName<D>;
  readonly workspaceIds: ReadonlySet<string>;
}

/** A resource shared by the whole tenant. */
export interface TenantTarget {
  readonly tenantId: string;
}

/** A resource inside one workspace; its workspace id is required. */
export interface WorkspaceTarget {
  readonly tenantId: string;
  readonly workspaceId: string;
}

/** The target an action needs: a workspace id exactly when its resource type is workspace-scoped. */
// Checked as "workspace extends scope" so that a union of actions needs a
// workspace id as soon as one of them is workspace-scoped.
export type TargetOf<D extends PolicyDefinition, A extends ActionName<D>> =
  "workspace" extends ActionScope<D, A> ? WorkspaceTarget : TenantTarget;

/** A membership a grant check is about: a user of a tenant, with their current role (null: not yet a member). */
export interface MemberRef<D extends PolicyDefinition = PolicyDefinition> {
  readonly userId: string;
  readonly tenantId: string;
  readonly role: RoleName<D> | null;
}

/**
 * What an actor may see of one resource type, for an adapter to turn into a
 * lookup or a SQL `WHERE`. It is always within the actor's own tenant.
 */
export type Filter =
  | { readonly kind: "all" }
  | { readonly kind: "workspaces"; readonly workspaceIds: readonly string[] }
  | { readonly kind: "none" };
