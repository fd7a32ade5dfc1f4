import type { Result, ResultAsync } from "neverthrow";
import type { RookeryError } from "../errors.js";
import type { TenantId, UserId } from "../ids.js";
import type { PlatformUnit } from "./platform-unit.js";
import type { TenantUnit } from "./tenant-unit.js";

/**
 * Whether a unit of work only reads or also writes. Write units of one tenant
 * are serialised by the adapter, so a check-then-write inside one (count the
 * seats, then add a member) cannot race another write unit of the same tenant.
 */
export type UnitIntent = "read" | "write";

/**
 * The body of a unit of work. It returns a Result: an `Err` rolls the unit back
 * and is passed through unchanged; an exception rolls it back and becomes an
 * INTERNAL error.
 *
 * Once a repository call has returned `Err`, the work MUST end the unit by
 * returning an `Err`: a SQL store aborts the transaction at the first failed
 * statement, so later calls in the same unit may be refused.
 */
export type Work<U, T> = (unit: U) => PromiseLike<Result<T, RookeryError>>;

/** How a tenant unit is run: its intent, and the acting user (for the database's user context). */
export interface TenantUnitOptions {
  /** Defaults to `"write"`, the safe choice. */
  readonly intent?: UnitIntent;
  /** The acting user, recorded in the store's session (`nile.user_id`) where it has one. */
  readonly actorId?: UserId;
}

/** How a platform unit is run: its intent. */
export interface PlatformUnitOptions {
  readonly intent?: UnitIntent;
}

/**
 * Runs units of work. Every unit is either for ONE tenant or for shared
 * (platform) data only, never both: NileDB forbids a transaction that writes a
 * tenant table and a shared table, so the port does not offer it.
 */
export interface UnitOfWorkRunner {
  /**
   * Runs `work` atomically against the shared data: tenants, users and tenant
   * claims.
   *
   * - MUST be atomic: if `work` returns `Err` or throws, nothing it wrote remains.
   * - MUST keep the platform invariants under concurrency: unique user email,
   *   one tenant claim per user.
   * - MUST NOT offer any tenant-owned data.
   * - A read unit sees one consistent snapshot (core's guard refuses its writes).
   * - Errors: whatever `work` returned; UNAVAILABLE when the store fails;
   *   INTERNAL when `work` throws.
   */
  platform<T>(
    work: Work<PlatformUnit, T>,
    options?: PlatformUnitOptions,
  ): ResultAsync<T, RookeryError>;

  /**
   * Runs `work` atomically inside the tenant `tenantId`.
   *
   * - MUST scope every read and write of the unit to `tenantId`: no row of
   *   another tenant is ever returned, counted, changed or deleted, whatever
   *   ids the work passes (a foreign id behaves exactly as an absent one).
   * - MUST be atomic: if `work` returns `Err` or throws, nothing it wrote remains.
   * - MUST serialise write units of the same tenant (or give the same outcome,
   *   for example with row locks), so that a check followed by a write inside
   *   one unit holds under concurrent units. Units of different tenants MUST
   *   NOT wait for each other.
   * - A unit for a tenant id with no tenant row reads nothing. (Its writes are
   *   refused with NOT_FOUND `tenant` by core's guard before they reach the
   *   adapter; a tenant row removed while the unit runs must still make its
   *   writes fail or leave nothing, as a foreign key would.) The tenant's
   *   status does not change what a unit may do: suspension is the services'.
   * - Ids are unique per tenant, not globally: the same workspace or resource
   *   id may exist in two tenants, and a foreign id never causes a CONFLICT
   *   (which would reveal that it exists).
   * - A read unit sees one consistent snapshot. Core's guard refuses its
   *   writes (INTERNAL) before they reach the adapter.
   * - Core's guard checks first (a handle used after the unit, a write in a
   *   read unit, a row naming another tenant: ISOLATION_BREACH, a missing
   *   tenant row); then the adapter answers NOT_FOUND before CONFLICT.
   * - MUST leave no tenant context behind once the unit ends (a pooled
   *   connection carries no tenant into the next unit).
   * - Errors: whatever `work` returned; UNAVAILABLE; INTERNAL when `work` throws.
   */
  tenant<T>(
    tenantId: TenantId,
    work: Work<TenantUnit, T>,
    options?: TenantUnitOptions,
  ): ResultAsync<T, RookeryError>;
}
