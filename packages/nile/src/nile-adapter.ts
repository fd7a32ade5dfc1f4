import {
  type RookeryAdapter,
  type RookeryError,
  RookeryErrors,
  type TenantId,
} from "@rookery/core";
import {
  issuesFromZod,
  type PlatformUnit,
  type PlatformUnitOptions,
  type TenantUnit,
  type TenantUnitOptions,
  type Work,
} from "@rookery/core/adapter";
import { err, ok, okAsync, type Result, ResultAsync } from "neverthrow";
import type { Pool } from "pg";
import { NileAdapterConfig } from "./config.js";
import { locateUser } from "./repositories/locate.js";
import { claimRepository } from "./repositories/platform-claims.js";
import { tenantRepository } from "./repositories/platform-tenants.js";
import { userRepository } from "./repositories/platform-users.js";
import { tenantUnit } from "./repositories/tenant-unit.js";
import type { SchemaMode } from "./schema/migrations.js";
import { registerSession } from "./scoped-sql.js";
import { fromPgError } from "./sql/pg-errors.js";
import { runUnit } from "./sql/run-unit.js";
import { checkDatabase } from "./startup-checks.js";
import { platformSpec, tenantSpec } from "./unit-specs.js";

/** The Nile adapter: a Rookery adapter plus its start-up check. */
export interface NileAdapter extends RookeryAdapter {
  readonly mode: SchemaMode;
  /**
   * Runs the start-up checks now (migrations applied; in PostgreSQL mode no
   * superuser or BYPASSRLS role, every tenant-aware table under a forced
   * policy). They also run before the first unit of work, which fails with
   * the same INVARIANT error while they fail.
   */
  verify(): ResultAsync<void, RookeryError>;
}

/**
 * A Rookery adapter over ONE shared pool, whatever the number of tenants:
 * `nileAdapter({ nile })` uses the context-free pool of a `Server` from
 * `@niledatabase/server` (`nile.db`, never `nile.query` or `withContext`);
 * `nileAdapter({ pool })` a `pg.Pool`. Every unit of work is one transaction
 * whose tenant context is set with a parameterised, transaction-local
 * `set_config`, so a connection goes back to the pool carrying nothing.
 * Create the pool with `pipeline: true` to send that context in the same
 * flight as the unit's first statement. The caller owns the pool.
 */
export function nileAdapter(config: NileAdapterConfig): Result<NileAdapter, RookeryError> {
  const parsed = NileAdapterConfig.safeParse(config);
  if (!parsed.success) {
    return err(RookeryErrors.validation(issuesFromZod(parsed.error), "Nile adapter config"));
  }
  const { mode } = parsed.data;
  const source = parsed.data;
  // nile.db is re-read for every unit: the SDK ends an idle pool after 30 s
  // and hands out a new one, so a pool kept from earlier may be closed.
  const pool = (): Pool => ("nile" in source ? source.nile.db : source.pool);

  let verified: Promise<Result<void, RookeryError>> | null = null;
  const verify = (): ResultAsync<void, RookeryError> => {
    verified ??= checkDatabase(pool(), mode).catch((cause) => err(fromPgError(cause)));
    const current = verified;
    return new ResultAsync(current).orElse((error) => {
      // A database that was down at start may come up: only refusals stick.
      if (error.code === "UNAVAILABLE" && verified === current) verified = null;
      return err(error);
    });
  };
  const ready = () => (verified === null ? verify() : new ResultAsync(verified));

  return ok({
    name: "nile",
    mode,
    verify,
    platform: <T>(work: Work<PlatformUnit, T>, options?: PlatformUnitOptions) =>
      ready().andThen(() =>
        ResultAsync.fromSafePromise(
          runUnit(
            pool(),
            platformSpec(options?.intent ?? "write"),
            (s) => ({
              tenants: tenantRepository(s),
              users: userRepository(s),
              claims: claimRepository(s),
              locate: (userId) => locateUser(s, userId),
            }),
            work,
          ),
        ).andThen((result) => result),
      ),
    tenant: <T>(tenantId: TenantId, work: Work<TenantUnit, T>, options?: TenantUnitOptions) =>
      ready().andThen(() =>
        ResultAsync.fromSafePromise(
          runUnit(
            pool(),
            tenantSpec(tenantId, options?.intent ?? "write", options?.actorId),
            (s) => {
              const unit = tenantUnit(s, tenantId);
              registerSession(unit, s);
              return unit;
            },
            work,
          ),
        ).andThen((result) => result),
      ),
    // The pool is the caller's: nothing of ours to release.
    close: () => okAsync(undefined),
  });
}
