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
import { platformEventRepository } from "./repositories/platform-events.js";
import { tenantRepository } from "./repositories/platform-tenants.js";
import { userRepository } from "./repositories/platform-users.js";
import { tenantUnit } from "./repositories/tenant-unit.js";
import type { SchemaMode } from "./schema/migrations.js";
import { runUnit } from "./sql/run-unit.js";
import { checkDatabase, type VerifyReport } from "./startup/check-database.js";
import { readiness } from "./startup/readiness.js";
import { platformSpec, tenantSpec } from "./unit-specs.js";

/** The Nile adapter: a Rookery adapter plus its start-up check. */
export interface NileAdapter extends RookeryAdapter {
  readonly mode: SchemaMode;
  /**
   * Runs the start-up check now and keeps its verdict. Both modes: the role
   * is no superuser or BYPASSRLS role and cannot become one; the migrations
   * are applied. PostgreSQL mode also: every tenant-aware table is guarded by
   * a forced policy of the expected form and no other permissive one; the
   * role owns none of them and may TRUNCATE none; no view or materialized
   * view hands it tenant rows past row security. Refusals are CONFIGURATION
   * errors, which every unit returns until a later check passes; a check that
   * could not run is UNAVAILABLE and is retried. The check also runs before
   * the first unit, again in the background once the last one is older than
   * `recheckEveryMs`, and before the next unit after a failure that suggests
   * the schema changed.
   */
  verify(): ResultAsync<VerifyReport, RookeryError>;
}

/**
 * A Rookery adapter over ONE shared pool, whatever the number of tenants:
 * `nileAdapter({ nile })` uses the context-free pool of a `Server` from
 * `@niledatabase/server` (`nile.db`, never `nile.query` or `withContext`);
 * `nileAdapter({ pool })` a `pg.Pool`. Every unit of work is one transaction
 * whose tenant context is set with a parameterised, transaction-local
 * `set_config`; a connection on which the application's own SQL ran is reset
 * before it goes back. Create the pool with `pipeline: true` to send that
 * context in the same flight as the unit's first statement. The caller owns
 * the pool; connect it as the runtime role (data privileges only), not as
 * the role that owns the schema.
 */
export function nileAdapter(config: NileAdapterConfig): Result<NileAdapter, RookeryError> {
  const parsed = NileAdapterConfig.safeParse(config);
  if (!parsed.success) {
    return err(RookeryErrors.validation(issuesFromZod(parsed.error), "Nile adapter config"));
  }
  const source = parsed.data;
  const { mode, allowSchemaOwner, recheckEveryMs } = source;
  // nile.db is re-read for every unit: the SDK ends an idle pool after 30 s
  // and hands out a new one, so a pool kept from earlier may be closed.
  const pool = (): Pool => ("nile" in source ? source.nile.db : source.pool);

  const warn =
    source.onWarning ?? ((warning: string) => process.emitWarning(warning, "RookeryWarning"));
  const warned = new Set<string>();
  const state = readiness(() => checkDatabase(pool(), { mode, allowSchemaOwner }), {
    recheckEveryMs,
    onPassed: (report) => {
      for (const warning of report.warnings) {
        if (warned.has(warning)) continue;
        warned.add(warning);
        warn(warning);
      }
    },
  });
  const hooks = { onSchemaDoubt: () => state.doubt() };

  return ok({
    name: "nile",
    mode,
    verify: () => state.verify(),
    platform: <T>(work: Work<PlatformUnit, T>, options?: PlatformUnitOptions) =>
      state.ready().andThen(() =>
        ResultAsync.fromSafePromise(
          runUnit(
            pool(),
            platformSpec(options?.intent ?? "write", parsed.data.preparedStatements),
            (s) => ({
              tenants: tenantRepository(s),
              users: userRepository(s),
              claims: claimRepository(s),
              events: platformEventRepository(s),
              locate: (user) => locateUser(s, user),
            }),
            work,
            hooks,
          ),
        ).andThen((result) => result),
      ),
    tenant: <T>(tenantId: TenantId, work: Work<TenantUnit, T>, options?: TenantUnitOptions) =>
      state
        .ready()
        .andThen(({ role }) =>
          ResultAsync.fromSafePromise(
            runUnit(
              pool(),
              tenantSpec(
                tenantId,
                options?.intent ?? "write",
                options?.actorId,
                role,
                parsed.data.preparedStatements,
              ),
              (s) => tenantUnit(s, tenantId),
              work,
              hooks,
            ),
          ).andThen((result) => result),
        ),
    // The pool is the caller's: nothing of ours to release.
    close: () => okAsync(undefined),
  });
}
