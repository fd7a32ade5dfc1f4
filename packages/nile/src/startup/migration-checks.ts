import { type RookeryError, RookeryErrors } from "@rookery/core";
import type { PoolClient } from "pg";
import { MIGRATIONS, type SchemaMode } from "../schema/migrations.js";
import { pgCode } from "../sql/pg-errors.js";

/**
 * The refusal when the migrations of `mode` are not all applied, else null.
 * Only a missing migrations table means "never migrated": any other failure
 * (a lock timeout, a killed backend) is thrown, to be retried.
 */
export async function checkMigrations(
  client: PoolClient,
  mode: SchemaMode,
): Promise<RookeryError | null> {
  const applied = await client
    .query<{ id: string }>("SELECT id FROM public.rookery_migrations")
    .then(
      (result) => new Set(result.rows.map((row) => row.id)),
      (cause: unknown) => {
        if (pgCode(cause) === "42P01") return new Set<string>();
        throw cause;
      },
    );
  const missing = MIGRATIONS.filter((m) => m.modes.includes(mode) && !applied.has(m.id));
  if (missing.length === 0) return null;
  return RookeryErrors.configuration(
    `The database lacks Rookery migrations (${missing.map((m) => m.id).join(", ")}): run \`rookery migrate --mode ${mode}\` first.`,
  );
}
