import { type RookeryError, RookeryErrors } from "@rookery/core";
import type { PoolClient } from "pg";

interface RoleRow {
  readonly role: string;
  readonly superuser: boolean;
  readonly bypassrls: boolean;
  /** Superuser or BYPASSRLS roles this role is a member of, directly or not. */
  readonly privileged: readonly string[] | null;
}

// A member of a role can SET ROLE to it (and, with INHERIT, uses its rights
// without doing so): membership of a privileged role is as good as being one.
const ROLE = `SELECT r.rolname AS role, r.rolsuper AS superuser, r.rolbypassrls AS bypassrls,
    (SELECT pg_catalog.array_agg(p.rolname::text ORDER BY p.rolname) FROM pg_catalog.pg_roles p
     WHERE p.oid <> r.oid AND (p.rolsuper OR p.rolbypassrls)
       AND pg_catalog.pg_has_role(r.oid, p.oid, 'MEMBER')) AS privileged
  FROM pg_catalog.pg_roles r WHERE r.rolname = current_user`;

/**
 * The role the adapter connects as, or the refusal: a superuser or BYPASSRLS
 * role, or a member of one, would make every row-level policy moot. Checked
 * in both modes: NileDB gives developers ordinary roles, and the same pool
 * pointed at plain PostgreSQL by mistake must not read every tenant.
 */
export async function checkRole(
  client: PoolClient,
): Promise<{ role: string } | { refusal: RookeryError }> {
  const { rows } = await client.query<RoleRow>(ROLE);
  const row = rows[0];
  if (row === undefined) {
    return {
      refusal: RookeryErrors.configuration("The connected role is missing from pg_roles."),
    };
  }
  const reason = row.superuser
    ? "is a superuser"
    : row.bypassrls
      ? "has BYPASSRLS"
      : (row.privileged?.length ?? 0) > 0
        ? `can become a superuser or BYPASSRLS role (member of ${row.privileged?.join(", ")})`
        : null;
  if (reason === null) return { role: row.role };
  return {
    refusal: RookeryErrors.configuration(
      `Refusing to run as ${row.role}, which ${reason}: row-level security would not apply. Connect as the runtime role, which owns nothing and has data privileges only.`,
    ),
  };
}
