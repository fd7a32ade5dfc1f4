import { type RookeryError, RookeryErrors } from "@rookery/core";
import { errAsync, ResultAsync } from "neverthrow";
import type { Pool, PoolClient } from "pg";
import { z } from "zod";
import { poolSchema } from "../config.js";
import { fromPgError } from "../sql/pg-errors.js";
import { MIGRATIONS, type SchemaMode } from "./migrations.js";
import { grantRuntimeRole } from "./runtime-grants.js";

/**
 * The options of `migrate`: a pool of the owner role, the mode, and the runtime role to grant data
 * privileges to.
 */
export const MigrateOptions = z.strictObject({
  pool: poolSchema,
  mode: z.enum(["nile", "postgres"]),
  /**
   * The role the application's adapter will connect as, when it is not the
   * migrating role (it should not be: an owner's SQL can switch row security
   * off). It gets data privileges on Rookery's tables and, by default
   * privileges, on the tables the migrating role creates in `public` later;
   * never TRUNCATE, never ownership. The role must exist.
   */
  runtimeRole: z.string().min(1).max(63).optional(),
});
/**
 * The options of `migrate`: a pool of the owner role, the mode, and the runtime role to grant data
 * privileges to.
 */
export type MigrateOptions = z.input<typeof MigrateOptions>;

/** What `migrate` did: the migrations it applied now and those applied before. */
export interface MigrateReport {
  readonly mode: SchemaMode;
  /** Migrations this run applied, in order. */
  readonly applied: readonly string[];
  /** Migrations found already applied. */
  readonly alreadyApplied: readonly string[];
  /** The runtime role granted data privileges, if one was named. */
  readonly runtimeRole?: string;
}

// One lock for every runner on the database: a second process waits, then
// finds everything applied. Session-level, so it spans the per-migration transactions.
const LOCK = `hashtextextended('rookery:migrate', 0)`;

/**
 * Applies the migrations of `mode` that the database has not recorded yet,
 * each in its own transaction with its record. Safe to run twice and from
 * several processes at once. Run it as the role that should own the schema,
 * and name the role the adapter connects as in `runtimeRole` to grant it what
 * it needs (again on every run, so tables added since are covered).
 */
export function migrate(options: MigrateOptions): ResultAsync<MigrateReport, RookeryError> {
  const parsed = MigrateOptions.safeParse(options);
  if (!parsed.success) {
    return errAsync(
      RookeryErrors.validation([{ path: "", message: parsed.error.message }], "migrate options"),
    );
  }
  const { pool, mode, runtimeRole } = parsed.data;
  return ResultAsync.fromPromise(applyAll(pool as Pool, mode, runtimeRole), (cause) =>
    cause instanceof MigrationRefused ? cause.error : fromPgError(cause),
  );
}

class MigrationRefused extends Error {
  constructor(readonly error: RookeryError) {
    super(error.message);
  }
}

async function applyAll(
  pool: Pool,
  mode: SchemaMode,
  runtimeRole: string | undefined,
): Promise<MigrateReport> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query(`SELECT pg_advisory_lock(${LOCK})`);
    try {
      if (runtimeRole !== undefined) await checkRuntimeRole(client, runtimeRole);
      const report = await applyLocked(client, mode);
      if (runtimeRole === undefined) return report;
      await grantRuntimeRole(client, runtimeRole, mode);
      return { ...report, runtimeRole };
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${LOCK})`);
    }
  } catch (cause) {
    broken = !(cause instanceof MigrationRefused);
    throw cause;
  } finally {
    client.release(broken);
  }
}

/** The runtime role must exist and be another role than the one that migrates. */
async function checkRuntimeRole(client: PoolClient, role: string): Promise<void> {
  const { rows } = await client.query<{ exists: boolean; self: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1) AS exists,
            $1 = current_user AS self`,
    [role],
  );
  const found = rows[0];
  if (found?.exists !== true) {
    throw new MigrationRefused(
      RookeryErrors.configuration(`The runtime role ${role} does not exist: create it first.`),
    );
  }
  if (found.self) {
    throw new MigrationRefused(
      RookeryErrors.configuration(
        "The runtime role must be another role than the one that migrates (and owns the schema).",
      ),
    );
  }
}

async function applyLocked(client: PoolClient, mode: SchemaMode): Promise<MigrateReport> {
  await client.query(`CREATE TABLE IF NOT EXISTS public.rookery_migrations (
    id text PRIMARY KEY, mode text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const recorded = await client.query<{ id: string; mode: string }>(
    "SELECT id, mode FROM public.rookery_migrations",
  );
  const other = recorded.rows.find((row) => row.mode !== mode);
  if (other !== undefined) {
    throw new MigrationRefused(
      RookeryErrors.configuration(
        `The database was migrated in ${other.mode} mode; refusing to migrate it in ${mode} mode.`,
      ),
    );
  }
  const done = new Set(recorded.rows.map((row) => row.id));
  const applied: string[] = [];
  const alreadyApplied: string[] = [];
  for (const migration of MIGRATIONS.filter((m) => m.modes.includes(mode))) {
    if (done.has(migration.id)) {
      alreadyApplied.push(migration.id);
      continue;
    }
    await client.query("BEGIN");
    try {
      for (const sql of migration.statements) await client.query(sql);
      await client.query("INSERT INTO public.rookery_migrations (id, mode) VALUES ($1, $2)", [
        migration.id,
        mode,
      ]);
      await client.query("COMMIT");
    } catch (cause) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw cause;
    }
    applied.push(migration.id);
  }
  return { mode, applied, alreadyApplied };
}
