import { type RookeryError, RookeryErrors } from "@rookery/core";
import { err, ok, type Result } from "neverthrow";
import type { Pool } from "pg";
import { MIGRATIONS, type SchemaMode } from "./schema/migrations.js";
import { POLICY_NAME } from "./schema/row-security.js";

interface RoleRow {
  readonly superuser: boolean;
  readonly bypassrls: boolean;
  readonly role: string;
}
interface UnguardedRow {
  readonly table: string;
}

// Every table in the database with a tenant_id column is tenant-aware: the
// application's own included. Each must have RLS enabled, forced and a policy.
const UNGUARDED_TABLES = `
  SELECT format('%I.%I', n.nspname, c.relname) AS table
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p')
    AND n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
    AND NOT (c.relrowsecurity AND c.relforcerowsecurity
             AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = $1))
  ORDER BY 1`;

/**
 * What the adapter verifies before its first unit of work. Both modes: the
 * migrations of the mode are applied. PostgreSQL mode: the role is neither a
 * superuser nor BYPASSRLS (either would make every policy moot), and every
 * tenant-aware table fails closed.
 */
export async function checkDatabase(
  pool: Pool,
  mode: SchemaMode,
): Promise<Result<void, RookeryError>> {
  if (mode === "postgres") {
    const refusal = await checkRole(pool);
    if (refusal !== null) return err(refusal);
  }
  const applied = await pool
    .query<{ id: string }>("SELECT id FROM rookery_migrations")
    .then((r) => new Set(r.rows.map((row) => row.id)))
    .catch(() => new Set<string>());
  const missing = MIGRATIONS.filter((m) => m.modes.includes(mode) && !applied.has(m.id));
  if (missing.length > 0) {
    return err(
      RookeryErrors.configuration(
        `The database lacks Rookery migrations (${missing.map((m) => m.id).join(", ")}): run \`rookery migrate --mode ${mode}\` first.`,
      ),
    );
  }
  if (mode === "nile") return ok(undefined);
  const unguarded = await pool.query<UnguardedRow>(UNGUARDED_TABLES, [POLICY_NAME]);
  if (unguarded.rows.length > 0) {
    const tables = unguarded.rows.map((row) => row.table).join(", ");
    return err(
      RookeryErrors.configuration(
        `Refusing to start: tenant-aware tables without a forced ${POLICY_NAME} policy: ${tables}. Apply rowSecurityStatements() to them.`,
      ),
    );
  }
  return ok(undefined);
}

/** A superuser or BYPASSRLS role would make every policy moot. */
async function checkRole(pool: Pool): Promise<RookeryError | null> {
  const { rows } = await pool.query<RoleRow>(
    `SELECT rolname AS role, rolsuper AS superuser, rolbypassrls AS bypassrls
     FROM pg_roles WHERE rolname = current_user`,
  );
  const role = rows[0];
  if (role === undefined || (!role.superuser && !role.bypassrls)) return null;
  const what = role.superuser ? "a superuser" : "a BYPASSRLS role";
  return RookeryErrors.configuration(
    `Refusing to run as ${what} (${role.role}): row-level security would not apply. Connect as an ordinary role that owns the schema.`,
  );
}
