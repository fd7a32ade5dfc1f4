import type { PoolClient } from "pg";
import type { SchemaMode } from "./migrations.js";
import { qualified, SHARED_TABLES, TENANT_AWARE_TABLES } from "./rookery-tables.js";

/** Tables NileDB provides itself: their privileges are NileDB's to give. */
const NILE_BUILTINS = new Set(["tenants", "users.users", "users.tenant_users"]);

const DATA = "SELECT, INSERT, UPDATE, DELETE";

/**
 * The statements that give `role` (already quoted) what the adapter needs
 * and nothing more: data privileges on Rookery's tables (never TRUNCATE,
 * never ownership, so it cannot switch row security off), SELECT on the
 * migrations record, and, through default privileges, the same on tables
 * and sequences the migrating role creates in `public` later, so the
 * application's own tables need no GRANT of their own. All idempotent.
 */
function runtimeGrants(role: string, mode: SchemaMode): readonly string[] {
  const tables = [...TENANT_AWARE_TABLES, ...SHARED_TABLES].filter(
    (table) => mode === "postgres" || !NILE_BUILTINS.has(table),
  );
  return [
    `GRANT USAGE ON SCHEMA public TO ${role}`,
    ...(mode === "postgres" ? [`GRANT USAGE ON SCHEMA users TO ${role}`] : []),
    ...tables.map((table) => `GRANT ${DATA} ON ${qualified(table)} TO ${role}`),
    `GRANT SELECT ON public.rookery_migrations TO ${role}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ${DATA} ON TABLES TO ${role}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role}`,
  ];
}

/** Applies the grants in one transaction. */
export async function grantRuntimeRole(
  client: PoolClient,
  role: string,
  mode: SchemaMode,
): Promise<void> {
  await client.query("BEGIN");
  try {
    for (const sql of runtimeGrants(client.escapeIdentifier(role), mode)) await client.query(sql);
    await client.query("COMMIT");
  } catch (cause) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw cause;
  }
}
