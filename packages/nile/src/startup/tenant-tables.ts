import type { PoolClient } from "pg";

/** Relations in schemas of the database's users: not `pg_*`, not `information_schema`. */
export const USER_SCHEMA = `n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'`;

/** The oids of every tenant-aware table: a table with a `tenant_id` column, the application's own included. */
export const TENANT_TABLE_OIDS = `SELECT c.oid FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND ${USER_SCHEMA}
    AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid
                AND a.attname = 'tenant_id' AND a.attnum > 0 AND NOT a.attisdropped)`;

export interface PolicyRow {
  readonly name: string;
  readonly permissive: boolean;
  /** `*` for ALL, else r, a, w or d. */
  readonly command: string;
  /** True when the policy applies to PUBLIC, so to every role. */
  readonly public: boolean;
  readonly using: string | null;
  readonly check: string | null;
}

export interface TenantTableRow {
  readonly name: string;
  readonly enabled: boolean;
  readonly forced: boolean;
  /** The connected role owns it, or is a member of the role that does. */
  readonly owned: boolean;
  /** The connected role may TRUNCATE it, which no policy covers. */
  readonly truncatable: boolean;
  readonly policies: readonly PolicyRow[];
}

const TENANT_TABLES = `SELECT pg_catalog.format('%I.%I', n.nspname, c.relname) AS name,
    c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
    pg_catalog.pg_has_role(current_user, c.relowner, 'MEMBER') AS owned,
    pg_catalog.has_table_privilege(current_user, c.oid, 'TRUNCATE') AS truncatable,
    coalesce((SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
        'name', p.polname, 'permissive', p.polpermissive, 'command', p.polcmd,
        'public', p.polroles = '{0}'::oid[],
        'using', pg_catalog.pg_get_expr(p.polqual, p.polrelid),
        'check', pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid)) ORDER BY p.polname)
      FROM pg_catalog.pg_policy p WHERE p.polrelid = c.oid), '[]') AS policies
  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE c.oid IN (${TENANT_TABLE_OIDS})
  ORDER BY 1`;

/** Every tenant-aware table with its row security, its policies and what the role may do to it. */
export async function tenantTables(client: PoolClient): Promise<readonly TenantTableRow[]> {
  return (await client.query<TenantTableRow>(TENANT_TABLES)).rows;
}
