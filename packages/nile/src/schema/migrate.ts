import { type RookeryError, RookeryErrors } from "@rookery/core";
import { errAsync, ResultAsync } from "neverthrow";
import type { Pool, PoolClient } from "pg";
import { z } from "zod";
import { poolSchema } from "../config.js";
import { fromPgError } from "../sql/pg-errors.js";
import { MIGRATIONS, type SchemaMode } from "./migrations.js";

export const MigrateOptions = z.strictObject({
  pool: poolSchema,
  mode: z.enum(["nile", "postgres"]),
});
export type MigrateOptions = z.input<typeof MigrateOptions>;

export interface MigrateReport {
  readonly mode: SchemaMode;
  /** Migrations this run applied, in order. */
  readonly applied: readonly string[];
  /** Migrations found already applied. */
  readonly alreadyApplied: readonly string[];
}

// One lock for every runner on the database: a second process waits, then
// finds everything applied. Session-level, so it spans the per-migration transactions.
const LOCK = `hashtextextended('rookery:migrate', 0)`;

/**
 * Applies the migrations of `mode` that the database has not recorded yet,
 * each in its own transaction with its record. Safe to run twice and from
 * several processes at once. Run it as the role that should own the schema;
 * in PostgreSQL mode that role must not be a superuser or BYPASSRLS when the
 * adapter later connects as it.
 */
export function migrate(options: MigrateOptions): ResultAsync<MigrateReport, RookeryError> {
  const parsed = MigrateOptions.safeParse(options);
  if (!parsed.success) {
    return errAsync(
      RookeryErrors.validation([{ path: "", message: parsed.error.message }], "migrate options"),
    );
  }
  const { pool, mode } = parsed.data;
  return ResultAsync.fromPromise(applyAll(pool as Pool, mode), (cause) =>
    cause instanceof MigrationRefused ? cause.error : fromPgError(cause),
  );
}

class MigrationRefused extends Error {
  constructor(readonly error: RookeryError) {
    super(error.message);
  }
}

async function applyAll(pool: Pool, mode: SchemaMode): Promise<MigrateReport> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query(`SELECT pg_advisory_lock(${LOCK})`);
    try {
      return await applyLocked(client, mode);
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

async function applyLocked(client: PoolClient, mode: SchemaMode): Promise<MigrateReport> {
  await client.query(`CREATE TABLE IF NOT EXISTS rookery_migrations (
    id text PRIMARY KEY, mode text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const recorded = await client.query<{ id: string; mode: string }>(
    "SELECT id, mode FROM rookery_migrations",
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
      await client.query("INSERT INTO rookery_migrations (id, mode) VALUES ($1, $2)", [
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
