import type { ResultAsync } from "neverthrow";
import type { RookeryError } from "../errors.js";
import type {
  AuditEventId,
  InvitationId,
  ResourceId,
  TenantId,
  UserId,
  WorkspaceId,
} from "../ids.js";
import type { AuditEvent } from "../model/audit.js";
import type { InvitationPatch, InvitationRecord, InvitationStatus } from "../model/invitation.js";
import type { Membership, Role } from "../model/membership.js";
import type { Page, PageQuery } from "../model/page.js";
import type { Resource, ResourceUpdate } from "../model/resource.js";
import type { TenantSettings, WorkspaceSettings } from "../model/settings.js";
import type { Subscription, SubscriptionPatch, SubscriptionStatus } from "../model/subscription.js";
import type { Tenant } from "../model/tenant.js";
import type {
  Workspace,
  WorkspaceAssignment,
  WorkspacePatch,
  WorkspaceStatus,
} from "../model/workspace.js";

type Async<T> = ResultAsync<T, RookeryError>;

/**
 * Everything a unit of work for ONE tenant can reach. Every repository below
 * is bound to `tenantId`: inputs carry no tenant, and rows whose `tenantId`
 * field is given are written to the unit's tenant or refused (INVARIANT) if
 * it names another. No member returns, counts or touches another tenant's row.
 */
export interface TenantUnit {
  readonly tenantId: TenantId;
  readonly tenant: OwnTenantReader;
  readonly memberships: MembershipRepository;
  readonly workspaces: WorkspaceRepository;
  readonly assignments: AssignmentRepository;
  readonly subscription: SubscriptionRepository;
  readonly settings: SettingsRepository;
  readonly resources: ResourceRepository;
  readonly invitations: InvitationRepository;
  readonly audit: AuditRepository;
  /**
   * Deletes every tenant-owned row of this tenant (offboarding), its invitations included. The tenant
   * row and the claims are shared data, removed by a platform unit afterwards.
   */
  purge(): Async<PurgeCounts>;
  /**
   * Optional: the acting user as ONE read, for stores where a read costs a
   * round trip. Core reads the actor at the start of every call of the
   * services (nothing about it is ever cached); without this member it makes
   * four reads (`tenant.get`, `memberships.get`, `assignments.listForUser`,
   * `subscription.get`). MUST answer exactly what those would in this unit.
   */
  actor?(userId: UserId): Async<ActorRecord>;
  /**
   * Optional, for stores that speak SQL: runs one of the application's own
   * parameterised statements (`$1`, `$2`, ...) in this unit's transaction and
   * tenant context, so the store's isolation covers the application's tables
   * too. Values MUST travel as parameters only, never as SQL text.
   */
  query?(text: string, values: readonly unknown[]): Async<readonly Record<string, unknown>[]>;
}

/** The acting user as the store holds them, in the unit's tenant. */
export interface ActorRecord {
  /** The unit's own tenant row; null when it has none. */
  readonly tenant: Tenant | null;
  /** The user's role in the tenant; null when they are not a member. */
  readonly role: Role | null;
  /** The workspaces the user is assigned to, in ascending id order. */
  readonly workspaceIds: readonly WorkspaceId[];
  /** The status of the tenant's subscription; null when it has none. */
  readonly subscriptionStatus: SubscriptionStatus | null;
}

/** How many rows of each kind a tenant's purge deleted. */
export interface PurgeCounts {
  readonly memberships: number;
  readonly workspaces: number;
  readonly resources: number;
  readonly auditEvents: number;
}

/** The unit's own tenant row, read-only: a tenant unit never writes shared data. */
export interface OwnTenantReader {
  get(): Async<Tenant | null>;
}

/** Members and their roles (NileDB's `users.tenant_users`, roles in `roles`). */
export interface MembershipRepository {
  /**
   * CONFLICT (`membership`) when the user is already a member of this tenant,
   * or when `role` is owner and the tenant has an owner: the store MUST keep
   * at most one owner per tenant, also under concurrency. The user row and the
   * claim are the services' to check (they are shared data).
   */
  insert(membership: Membership): Async<Membership>;
  get(userId: UserId): Async<Membership | null>;
  /** Members in ascending user id order; `userIds` narrows to those users. */
  list(
    query: PageQuery & { readonly userIds?: readonly UserId[] | undefined },
  ): Async<Page<Membership>>;
  /** The owner, or null while the tenant has none (only mid-provisioning). */
  owner(): Async<Membership | null>;
  /**
   * NOT_FOUND (`membership`) when not a member; CONFLICT (`membership`) when
   * `role` is owner and another member owns. Moving ownership is two calls in
   * one unit: demote the owner, then promote the new one.
   */
  updateRole(userId: UserId, role: Role, updatedAt: string): Async<Membership>;
  /** Removes the member and, with it, all of the member's workspace assignments. */
  remove(userId: UserId): Async<boolean>;
  count(): Async<number>;
}

/** The unit's tenant's workspaces. Names are unique within a tenant (CONFLICT). */
export interface WorkspaceRepository {
  /** CONFLICT (`workspace`) when the id exists or another workspace of the tenant has the name. */
  insert(workspace: Workspace): Async<Workspace>;
  get(id: WorkspaceId): Async<Workspace | null>;
  /** Ascending id order; `ids` narrows to those workspaces (a member's assigned ones). */
  list(
    query: PageQuery & {
      readonly ids?: readonly WorkspaceId[] | undefined;
      readonly status?: WorkspaceStatus | undefined;
    },
  ): Async<Page<Workspace>>;
  /** NOT_FOUND (`workspace`) when absent; CONFLICT (`workspace`) when the new name is taken in the tenant. */
  update(id: WorkspaceId, patch: WorkspacePatch): Async<Workspace>;
  /** Removes the workspace with its assignments, its resources and its settings overrides. */
  remove(id: WorkspaceId): Async<boolean>;
  count(query?: { readonly status?: WorkspaceStatus | undefined }): Async<number>;
}

/** Which members are assigned to which workspaces of the unit's tenant. */
export interface AssignmentRepository {
  /**
   * CONFLICT (`assignment`) when it exists; NOT_FOUND (`workspace` or
   * `membership`) when the workspace or the member is not in this tenant.
   */
  add(assignment: WorkspaceAssignment): Async<WorkspaceAssignment>;
  remove(workspaceId: WorkspaceId, userId: UserId): Async<boolean>;
  /** A member's assignments, in ascending workspace id order. */
  listForUser(userId: UserId): Async<readonly WorkspaceAssignment[]>;
  /** A workspace's assignments, in ascending user id order. */
  listForWorkspace(workspaceId: WorkspaceId): Async<readonly WorkspaceAssignment[]>;
}

/** The tenant's one subscription. */
export interface SubscriptionRepository {
  get(): Async<Subscription | null>;
  /** CONFLICT (`subscription`) when the tenant has one: there is exactly one per tenant. */
  insert(subscription: Subscription): Async<Subscription>;
  /** NOT_FOUND (`subscription`) when the tenant has none. */
  update(patch: SubscriptionPatch): Async<Subscription>;
}

/** The tenant's company-wide settings and each workspace's overrides. */
export interface SettingsRepository {
  getTenant(): Async<TenantSettings | null>;
  /** Creates or replaces the company-wide settings. */
  putTenant(settings: TenantSettings): Async<TenantSettings>;
  getWorkspace(workspaceId: WorkspaceId): Async<WorkspaceSettings | null>;
  /** Creates or replaces a workspace's overrides. NOT_FOUND (`workspace`) when absent. */
  putWorkspace(settings: WorkspaceSettings): Async<WorkspaceSettings>;
}

/** Which resources a list returns: the policy's filter, in the store's terms. */
export type WorkspaceFilter = "all" | readonly WorkspaceId[];

/** The application's resources of the unit's tenant, of every declared type. */
export interface ResourceRepository {
  /**
   * CONFLICT (`resource`) when the id exists; NOT_FOUND (`workspace`) when
   * `workspaceId` is set and the workspace is not in this tenant.
   */
  insert(resource: Resource): Async<Resource>;
  get(type: string, id: ResourceId): Async<Resource | null>;
  /**
   * Replaces the data and bumps the version. NOT_FOUND (`resource`) when absent; CONFLICT
   * (`resource`) when `expectedVersion` is given and differs from the stored one.
   */
  update(type: string, id: ResourceId, update: ResourceUpdate): Async<Resource>;
  remove(type: string, id: ResourceId): Async<boolean>;
  /**
   * Resources of one type in ascending id order. `workspaces: "all"` is every
   * resource of the type in the tenant; a list returns only those whose
   * workspace is in it (an empty list returns nothing).
   */
  list(
    query: PageQuery & { readonly type: string; readonly workspaces: WorkspaceFilter },
  ): Async<Page<Resource>>;
  count(query: { readonly type: string; readonly workspaces: WorkspaceFilter }): Async<number>;
}

/** The tenant's invitations, each with the hash of its token's secret. */
export interface InvitationRepository {
  /** CONFLICT (`invitation`) when the id exists. */
  insert(invitation: InvitationRecord): Async<InvitationRecord>;
  get(id: InvitationId): Async<InvitationRecord | null>;
  /**
   * Ascending id order; `status` and `email` (compared in lower case, as
   * stored) narrow the page.
   */
  list(
    query: PageQuery & {
      readonly status?: InvitationStatus | undefined;
      readonly email?: string | undefined;
    },
  ): Async<Page<InvitationRecord>>;
  /** Applies `patch`; NOT_FOUND (`invitation`) when absent. */
  update(id: InvitationId, patch: InvitationPatch): Async<InvitationRecord>;
}

/**
 * The tenant's audit log, which is also its outbox: an event is appended in
 * the unit of work that makes the change, not yet delivered, and delivered to
 * the application's subscribers after the unit commits. The event itself is
 * never changed (nor removed but by purge); only its delivery mark is.
 */
export interface AuditRepository {
  /** Stores the event, not yet delivered. CONFLICT (`audit_event`) when the id exists. */
  append(event: AuditEvent): Async<AuditEvent>;
  /** Events in ascending id order (ids are time-ordered). */
  list(query: PageQuery): Async<Page<AuditEvent>>;
  /** The events not yet marked delivered, in ascending id order. */
  pending(query: PageQuery): Async<Page<AuditEvent>>;
  /**
   * Marks these events delivered at `at`. Ids that are not this tenant's, or
   * already marked, are skipped. Returns how many were marked.
   */
  markDelivered(ids: readonly AuditEventId[], at: string): Async<number>;
}
