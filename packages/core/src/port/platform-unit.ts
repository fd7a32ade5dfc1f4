import type { ResultAsync } from "neverthrow";
import type { RookeryError } from "../errors.js";
import type { AuditEventId, TenantId, UserId } from "../ids.js";
import type { AuditEvent } from "../model/audit.js";
import type { TenantClaim } from "../model/membership.js";
import type { Page, PageQuery } from "../model/page.js";
import type { Tenant, TenantPatch, TenantStatus } from "../model/tenant.js";
import type { User, UserPatch } from "../model/user.js";

type Async<T> = ResultAsync<T, RookeryError>;

/** The shared data a platform unit of work can reach. Nothing here is tenant-owned. */
export interface PlatformUnit {
  readonly tenants: TenantRepository;
  readonly users: UserRepository;
  readonly claims: TenantClaimRepository;
  /** The shared outbox of changes made in platform units (a tenant's status, its purge). */
  readonly events: PlatformEventRepository;
  /**
   * Optional: a user and where they belong, as ONE read: the user row (found
   * by id or by subject), their claim and the row of the tenant that holds
   * it; null when no user matches. Without it, core reads `users.get` (or
   * `users.getBySubject`), `claims.get` and `tenants.get`. MUST answer what
   * those would.
   */
  locate?(user: UserLookup): Async<UserLocation | null>;
}

/** How the store is asked for a user: by Rookery's id, or by the application's subject. */
export type UserLookup = { readonly userId: UserId } | { readonly subject: string };

/** A user with their claim and the row of the tenant that holds it. */
export interface UserLocation {
  readonly user: User;
  /** Null when the user belongs to no tenant. */
  readonly claim: TenantClaim | null;
  /** The claiming tenant's row; null without a claim (or if it outlived its tenant, which a store should not allow). */
  readonly tenant: Tenant | null;
}

/**
 * Events of changes made to shared data, written in the platform unit that
 * makes the change (a tenant's status lives on the shared tenant row, which
 * no tenant unit may write with the tenant's own audit log). Core copies each
 * into its tenant's audit log afterwards and then removes it here; an event
 * whose tenant is gone (a purge) is delivered from here. The `tenantId` of a
 * row names the tenant the event is about: this table is shared, and keeps no
 * reference to the tenant.
 */
export interface PlatformEventRepository {
  /** CONFLICT (`audit_event`) when the id exists. */
  add(event: AuditEvent): Async<AuditEvent>;
  /** Every tenant's events, in ascending id order. */
  list(query: PageQuery): Async<Page<AuditEvent>>;
  /** Returns whether a row went. */
  remove(id: AuditEventId): Async<boolean>;
}

/** The `tenants` table. */
export interface TenantRepository {
  /** Stores a new tenant. CONFLICT (`tenant`) when the id exists. */
  insert(tenant: Tenant): Async<Tenant>;
  /** The tenant, or null when there is none with this id. */
  get(id: TenantId): Async<Tenant | null>;
  /** Tenants in ascending id order, optionally of one status. */
  list(query: PageQuery & { readonly status?: TenantStatus | undefined }): Async<Page<Tenant>>;
  /** Applies `patch`; returns the new row. NOT_FOUND (`tenant`) when absent. */
  update(id: TenantId, patch: TenantPatch): Async<Tenant>;
  /**
   * Deletes the tenant row for good, with its claims and any row it still owns
   * (as `ON DELETE CASCADE` would). The services purge the tenant's data first
   * (`TenantUnit.purge`). Returns whether a row went.
   */
  remove(id: TenantId): Async<boolean>;
}

/** The `users` table (NileDB's `users.users`). */
export interface UserRepository {
  /**
   * Stores a new user. CONFLICT (`user`) when the id exists or another user
   * has the same e-mail or the same (non-null) subject: the store MUST enforce
   * both uniquenesses itself, so that two concurrent inserts of one address or
   * one subject cannot both succeed.
   */
  insert(user: User): Async<User>;
  get(id: UserId): Async<User | null>;
  /**
   * Looks up by the application's subject, compared exactly (subjects are
   * opaque: no trimming, no case folding). Indexed: a login's first read.
   */
  getBySubject(subject: string): Async<User | null>;
  /** The users of these ids that exist, in ascending id order: one read for a page of members. */
  getMany(ids: readonly UserId[]): Async<readonly User[]>;
  /** Looks up by e-mail, compared case-insensitively (the model stores them in lower case). */
  getByEmail(email: string): Async<User | null>;
  /**
   * Applies `patch` (a `subject` of null clears it). NOT_FOUND (`user`) when
   * absent; CONFLICT (`user`) when the new e-mail or subject is another user's.
   */
  update(id: UserId, patch: UserPatch): Async<User>;
  /** Deletes the user row with its claim and subject. Returns whether a row went. */
  remove(id: UserId): Async<boolean>;
}

/**
 * Which tenant each user belongs to, keyed by user: the store's guarantee that
 * a user is in at most one tenant, also under concurrent attempts.
 */
export interface TenantClaimRepository {
  /**
   * Claims `claim.userId` for `claim.tenantId`. Succeeds (idempotently) when the
   * user is unclaimed or already claimed by the same tenant. CONFLICT (`user`)
   * when another tenant holds the user: of two concurrent claims of one user
   * for two tenants, exactly one MUST succeed. NOT_FOUND (`tenant` / `user`)
   * when either does not exist.
   */
  claim(claim: TenantClaim): Async<TenantClaim>;
  /** The user's claim, or null when the user belongs to no tenant. */
  get(userId: UserId): Async<TenantClaim | null>;
  /** Releases the claim only if `tenantId` holds it. Returns whether one went. */
  release(userId: UserId, tenantId: TenantId): Async<boolean>;
  /** Releases every claim of a tenant (offboarding). Returns the users released, in ascending id order. */
  releaseAll(tenantId: TenantId): Async<readonly UserId[]>;
}
