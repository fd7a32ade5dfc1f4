import { RookeryErrors } from "@rookery/core";
import type { PoolClient } from "pg";
import type { Findings } from "./ownership-checks.js";

interface PlantRow {
  readonly kind: "schema" | "database" | "function" | "operator" | "type";
  readonly name: string;
  readonly role: string;
}

// The roles the connected role is or may become (SET ROLE works for a member
// with or without INHERIT), and what any of them may create or already owns
// outside the temporary schemas (a session's own, which no other session
// searches, and which the reset after application SQL empties). Every name,
// operator and cast is pg_catalog's: objects this query looks for must not
// be able to answer it.
const PLANTABLE = `WITH me AS (
    SELECT r.oid, r.rolname::pg_catalog.text AS role FROM pg_catalog.pg_roles r
    WHERE pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER')),
  kept AS (
    SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n
    WHERE NOT n.nspname OPERATOR(pg_catalog.~) '^pg_(toast_)?temp_')
  SELECT 'schema' AS kind, kept.nspname::pg_catalog.text AS name, me.role FROM me, kept
    WHERE pg_catalog.has_schema_privilege(me.oid, kept.oid, 'CREATE')
  UNION ALL
  SELECT 'database', pg_catalog.current_database()::pg_catalog.text, me.role FROM me
    WHERE pg_catalog.has_database_privilege(me.oid, pg_catalog.current_database(), 'CREATE')
  UNION ALL
  SELECT 'function', p.oid::pg_catalog.regprocedure::pg_catalog.text, me.role
    FROM pg_catalog.pg_proc p, me, kept
    WHERE p.proowner OPERATOR(pg_catalog.=) me.oid AND p.pronamespace OPERATOR(pg_catalog.=) kept.oid
  UNION ALL
  SELECT 'operator', o.oid::pg_catalog.regoperator::pg_catalog.text, me.role
    FROM pg_catalog.pg_operator o, me, kept
    WHERE o.oprowner OPERATOR(pg_catalog.=) me.oid AND o.oprnamespace OPERATOR(pg_catalog.=) kept.oid
  UNION ALL
  SELECT 'type', t.oid::pg_catalog.regtype::pg_catalog.text, me.role
    FROM pg_catalog.pg_type t, me, kept
    WHERE t.typowner OPERATOR(pg_catalog.=) me.oid AND t.typnamespace OPERATOR(pg_catalog.=) kept.oid
      AND t.typrelid OPERATOR(pg_catalog.=) 0::pg_catalog.oid
      AND t.typelem OPERATOR(pg_catalog.=) 0::pg_catalog.oid`;

const described = (row: PlantRow) =>
  row.kind === "schema"
    ? `may create objects in schema ${row.name} (as ${row.role})`
    : row.kind === "database"
      ? `may create schemas in database ${row.name} (as ${row.role})`
      : `owns ${row.kind} ${row.name} (as ${row.role})`;

/**
 * The runtime role must be unable to put a function, operator or type where
 * a statement's unqualified names could find it, and own none already. One
 * that matches its arguments more closely than the built-in takes the
 * built-in's place: created through the application's SQL by one tenant's
 * caller, it would then run inside every tenant's units, with their tenant
 * context, writing what they write. So it may not create in any schema (a
 * search path can be changed afterwards, even by the role for itself), nor
 * create schemas, nor own such objects, as itself or as any role it may
 * become. PostgreSQL 15 and later no longer grant CREATE on `public` to
 * every role; a database upgraded from an older version keeps that grant.
 * `allowSchemaOwner` (development only, where the role that owns the schema
 * runs) turns this into a warning.
 */
export async function checkCreateRights(
  client: PoolClient,
  allowSchemaOwner: boolean,
): Promise<Findings> {
  const { rows } = await client.query<PlantRow>(PLANTABLE);
  if (rows.length === 0) return { refusal: null, warnings: [] };
  const finding = `the connected role ${rows.map(described).join(", ")}: a function or operator it creates can take the place of a built-in one in every tenant's units`;
  if (allowSchemaOwner) return { refusal: null, warnings: [`${finding} (allowSchemaOwner).`] };
  return {
    refusal: RookeryErrors.configuration(
      `Refusing to start: ${finding}. Revoke CREATE from it and drop what it owns (for public: REVOKE CREATE ON SCHEMA public FROM PUBLIC, which PostgreSQL 15 and later do by default), or pass allowSchemaOwner: true in development.`,
    ),
    warnings: [],
  };
}
