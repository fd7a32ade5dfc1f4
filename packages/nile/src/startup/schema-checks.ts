import { RookeryErrors } from "@rookery/core";
import type { PoolClient } from "pg";
import type { Findings } from "./ownership-checks.js";

// The schemas of the connection's search path (pg_catalog and pg_temp aside,
// which an ordinary role cannot create functions in) where the connected role
// may create objects, in path order.
const CREATABLE_ON_PATH = `SELECT s.name FROM pg_catalog.unnest(pg_catalog.current_schemas(false))
    WITH ORDINALITY AS s(name, position)
  JOIN pg_catalog.pg_namespace n ON n.nspname = s.name
  WHERE pg_catalog.has_schema_privilege(n.oid, 'CREATE')
  ORDER BY s.position`;

/**
 * The runtime role must not be able to create objects in a schema of its
 * search path. Names a statement does not qualify are looked up there, and
 * an operator or function that matches its arguments more closely than the
 * built-in one takes its place: created through the application's SQL by
 * one tenant's caller, it would then run inside every tenant's units, with
 * their tenant context, and could copy their rows. PostgreSQL 15 and later
 * no longer grant CREATE on `public` to every role; a database upgraded from
 * an older version keeps that grant. `allowSchemaOwner` (development only,
 * where the role that owns the schema runs) turns this into a warning.
 */
export async function checkCreatableSchemas(
  client: PoolClient,
  allowSchemaOwner: boolean,
): Promise<Findings> {
  const { rows } = await client.query<{ name: string }>(CREATABLE_ON_PATH);
  if (rows.length === 0) return { refusal: null, warnings: [] };
  const schemas = rows.map((row) => row.name).join(", ");
  const finding = `the connected role may create objects in ${schemas}, on its search_path, so a function or operator it creates there can take the place of a built-in one in every tenant's units`;
  if (allowSchemaOwner) return { refusal: null, warnings: [`${finding} (allowSchemaOwner).`] };
  return {
    refusal: RookeryErrors.configuration(
      `Refusing to start: ${finding}. Revoke it (for public: REVOKE CREATE ON SCHEMA public FROM PUBLIC, which PostgreSQL 15 and later do by default), or pass allowSchemaOwner: true in development.`,
    ),
    warnings: [],
  };
}
