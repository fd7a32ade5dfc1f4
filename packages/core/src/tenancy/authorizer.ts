import type { Result } from "neverthrow";
import type { EntityName, RookeryError } from "../errors.js";
import type { UserId, WorkspaceId } from "../ids.js";
import type { Role } from "../model/membership.js";
import type { WorkspaceFilter } from "../port/tenant-unit.js";
import type { Actor } from "./actor.js";
import type { ServiceAction } from "./policy-authorizer.js";

/** What a decision is about: always a tenant, and a workspace for workspace-scoped things. */
export interface AuthTarget {
  readonly tenantId: string;
  readonly workspaceId?: WorkspaceId | null;
  /** What to call the target in a NOT_FOUND answer. */
  readonly entity?: EntityName;
}

/** An action of the policy that the services decide with. */
export interface DefinedAction {
  readonly name: ServiceAction;
  /** Its resource type is workspace-scoped: it is decided for one workspace at a time. */
  readonly perWorkspace: boolean;
}

/** A member a role decision is about; `role` null for a user being added. */
export interface MemberRef {
  readonly userId: UserId;
  readonly role: Role | null;
}

/**
 * The services' view of the policy: every call asks it before touching the
 * store. A decision against another tenant's target is NOT_FOUND (so that it
 * confirms nothing); any other "no" is FORBIDDEN and carries the explanation.
 */
export interface Authorizer {
  /**
   * The service actions the policy defines (read from its definition, in its
   * order), each with whether it is decided per workspace.
   */
  readonly actions: readonly DefinedAction[];
  authorize(actor: Actor, action: ServiceAction, target: AuthTarget): Result<void, RookeryError>;
  /** What `authorize` decides, as a yes or no, without building an explanation. */
  allows(actor: Actor, action: ServiceAction, target: AuthTarget): boolean;
  /** What the actor may see through `action` on `resourceType`, as the store's filter; null for nothing. */
  visible(actor: Actor, action: ServiceAction, resourceType: string): WorkspaceFilter | null;
  /** May the actor give `role` to `member` (a newcomer when `member.role` is null)? */
  assignRole(actor: Actor, member: MemberRef, role: Role): Result<void, RookeryError>;
  removeMember(actor: Actor, member: MemberRef): Result<void, RookeryError>;
  transferOwnership(actor: Actor, member: MemberRef): Result<void, RookeryError>;
}
