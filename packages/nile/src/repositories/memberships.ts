import { type Membership, RookeryErrors } from "@rookery/core";
import type { MembershipRepository } from "@rookery/core/adapter";
import { errAsync, okAsync } from "neverthrow";
import { AS_INSTANT, firstOrNull, modelRow, toPage, UTC } from "../sql/rows.js";
import type { TenantScope } from "./tenant-scope.js";

// Roles live in NileDB's `users.tenant_users.roles` so Nile's own tools see
// them; Rookery's role is whichever of its three the array holds, and other
// roles an application keeps there are left alone.
export const MEMBER_ROLE = `CASE WHEN 'owner' = ANY (roles) THEN 'owner' WHEN 'admin' = ANY (roles) THEN 'admin' ELSE 'member' END`;
const COLUMNS = `tenant_id AS "tenantId", user_id AS "userId", ${MEMBER_ROLE} AS role,
  ${AS_INSTANT("created", "createdAt")}, ${AS_INSTANT("updated", "updatedAt")}`;
const LIVE = `tenant_id = $1::uuid AND deleted IS NULL`;
// NileDB keeps the member's e-mail on the membership (its own services fill
// it): read from the shared users table, which a tenant unit may read.
const MEMBER_EMAIL = `(SELECT u.email FROM users.users u WHERE u.id = $2::uuid AND u.deleted IS NULL)`;
const OTHER_OWNER = `EXISTS (SELECT 1 FROM users.tenant_users o WHERE o.tenant_id = $1::uuid
  AND o.user_id <> $2::uuid AND 'owner' = ANY (o.roles) AND o.deleted IS NULL)`;

export function membershipRepository(scope: TenantScope): MembershipRepository {
  const { s, tenantId } = scope;
  const get = (userId: string) =>
    s
      .rows(`SELECT ${COLUMNS} FROM users.tenant_users WHERE ${LIVE} AND user_id = $2::uuid`, [
        tenantId,
        userId,
      ])
      .map(firstOrNull<Membership>);
  const ownerConflict = () =>
    RookeryErrors.conflict("membership", "The tenant already has an owner.");

  return {
    // The owner check is in the statement; write units of a tenant are
    // serialised, and a partial unique index backs it up.
    insert: (m) =>
      s
        .rows<{ ownerTaken: boolean; inserted: boolean }>(
          `WITH ins AS (
               INSERT INTO users.tenant_users AS t (tenant_id, user_id, roles, created, updated, deleted, email)
               SELECT $1::uuid, $2::uuid, ARRAY[$3::text], ${UTC("$4")}, ${UTC("$5")}, NULL, ${MEMBER_EMAIL}
               WHERE NOT ($3::text = 'owner' AND ${OTHER_OWNER})
               ON CONFLICT (tenant_id, user_id) DO UPDATE SET roles = EXCLUDED.roles,
                 created = EXCLUDED.created, updated = EXCLUDED.updated, deleted = NULL,
                 email = EXCLUDED.email
               WHERE t.deleted IS NOT NULL
               RETURNING 1)
             SELECT ($3::text = 'owner' AND ${OTHER_OWNER}) AS "ownerTaken", EXISTS (SELECT 1 FROM ins) AS inserted`,
          [tenantId, m.userId, m.role, m.createdAt, m.updatedAt],
        )
        .andThen(([flags]) => {
          if (flags?.inserted === true) return okAsync(m);
          return errAsync(
            flags?.ownerTaken === true
              ? ownerConflict()
              : RookeryErrors.conflict("membership", "The user is already a member."),
          );
        }),
    get,
    list: (query) =>
      s
        .rows(
          `SELECT ${COLUMNS} FROM users.tenant_users WHERE ${LIVE}
             AND ($2::uuid IS NULL OR user_id > $2::uuid) AND ($3::uuid[] IS NULL OR user_id = ANY ($3::uuid[]))
           ORDER BY user_id LIMIT $4::int`,
          [tenantId, query.after ?? null, query.userIds ?? null, query.limit + 1],
        )
        .map((rows) => toPage(rows, query, (m: Membership) => m.userId)),
    owner: () =>
      s
        .rows(
          `SELECT ${COLUMNS} FROM users.tenant_users WHERE ${LIVE} AND 'owner' = ANY (roles) LIMIT 1`,
          [tenantId],
        )
        .map(firstOrNull<Membership>),
    updateRole: (userId, role, updatedAt) =>
      s
        .rows(
          `UPDATE users.tenant_users SET updated = ${UTC("$4")}, roles = pg_catalog.array_append(
               pg_catalog.array_remove(pg_catalog.array_remove(pg_catalog.array_remove(coalesce(roles, '{}'), 'owner'), 'admin'), 'member'), $3::text)
             WHERE ${LIVE} AND user_id = $2::uuid AND NOT ($3::text = 'owner' AND ${OTHER_OWNER})
             RETURNING ${COLUMNS}`,
          [tenantId, userId, role, updatedAt],
        )
        .andThen(([row]) =>
          row !== undefined
            ? okAsync(modelRow<Membership>(row))
            : get(userId).andThen((found) =>
                errAsync(found === null ? RookeryErrors.notFound("membership") : ownerConflict()),
              ),
        ),
    // Soft-deleted, as NileDB's own tools do: the row stays (tables that
    // reference users.tenant_users keep their rows) with `deleted` set, and
    // adding the user back revives it. Assignments have no foreign key to the
    // built-in table, so they go in the same statement.
    remove: (userId) =>
      s
        .rows(
          `WITH unassigned AS (DELETE FROM public.rookery_workspace_assignments
                                 WHERE tenant_id = $1::uuid AND user_id = $2::uuid)
             UPDATE users.tenant_users SET deleted = (pg_catalog.now() AT TIME ZONE 'UTC'),
               updated = (pg_catalog.now() AT TIME ZONE 'UTC')
             WHERE ${LIVE} AND user_id = $2::uuid RETURNING 1`,
          [tenantId, userId],
        )
        .map((rows) => rows.length > 0),
    count: () =>
      s
        .rows<{ n: number }>(
          `SELECT pg_catalog.count(*)::int AS n FROM users.tenant_users WHERE ${LIVE}`,
          [tenantId],
        )
        .map(([row]) => row?.n ?? 0),
  };
}
