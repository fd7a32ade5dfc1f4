import { RookeryErrors } from "@rookery/core";
import type { PoolClient } from "pg";
import type { Findings } from "./ownership-checks.js";
import { TENANT_TABLE_OIDS, USER_SCHEMA } from "./tenant-tables.js";

/** Built on a tenant-aware table: a rule of the relation depends on it. */
const BUILT_ON_TENANT_TABLE = `EXISTS (SELECT 1 FROM pg_catalog.pg_rewrite r
  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND d.objid = r.oid
  WHERE r.ev_class = c.oid AND d.refobjid IN (${TENANT_TABLE_OIDS}))`;

// Readable by the connected role, and either a materialized view (a stored
// copy: row security never applies to it) or a view that runs as a superuser
// or BYPASSRLS owner (row security does not apply to them) with tenant rows.
const LEAKY_RELATIONS = `SELECT pg_catalog.format('%I.%I', n.nspname, c.relname) AS name,
    c.relkind = 'm' AS materialized
  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_catalog.pg_roles o ON o.oid = c.relowner
  WHERE ${USER_SCHEMA} AND pg_catalog.has_table_privilege(current_user, c.oid, 'SELECT')
    AND ((c.relkind = 'm' AND (${BUILT_ON_TENANT_TABLE} OR EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
            WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnum > 0 AND NOT a.attisdropped)))
      OR (c.relkind = 'v' AND (o.rolsuper OR o.rolbypassrls) AND ${BUILT_ON_TENANT_TABLE}
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(c.reloptions) o
                          WHERE o ~* '^security_invoker=(true|on|yes|1)$')))
  ORDER BY 1`;

// What runs as a privileged owner whatever its caller: its body cannot be read
// for what it touches, so it is only reported.
const PRIVILEGED_DEFINERS = `SELECT p.oid::pg_catalog.regprocedure::text AS name
  FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
  JOIN pg_catalog.pg_roles o ON o.oid = p.proowner
  WHERE p.prosecdef AND (o.rolsuper OR o.rolbypassrls) AND ${USER_SCHEMA}
    AND pg_catalog.has_function_privilege(current_user, p.oid, 'EXECUTE')
  ORDER BY 1`;

/**
 * Relations that hand out tenant rows past row security, to the connected
 * role: materialized views of tenant data, and views of it owned by a
 * superuser or BYPASSRLS role (refused); SECURITY DEFINER functions of such
 * roles that it may execute (warned about).
 */
export async function checkDerivedRelations(client: PoolClient): Promise<Findings> {
  const leaky = await client.query<{ name: string; materialized: boolean }>(LEAKY_RELATIONS);
  const definers = await client.query<{ name: string }>(PRIVILEGED_DEFINERS);
  const warnings = definers.rows.map(
    (row) =>
      `${row.name} is SECURITY DEFINER, owned by a superuser or BYPASSRLS role, and the connected role may execute it: row-level security does not apply inside it.`,
  );
  if (leaky.rows.length === 0) return { refusal: null, warnings };
  const list = leaky.rows.map(
    (r) => `${r.name} (${r.materialized ? "materialized view" : "view"})`,
  );
  return {
    refusal: RookeryErrors.configuration(
      `Refusing to start: the connected role can read tenant rows past row-level security through ${list.join(", ")}. Revoke its SELECT, or make such views security_invoker and owned by an ordinary role.`,
    ),
    warnings,
  };
}
