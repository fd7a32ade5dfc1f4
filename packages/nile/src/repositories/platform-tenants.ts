import { RookeryErrors, type Tenant } from "@rookery/core";
import type { TenantRepository } from "@rookery/core/adapter";
import { errAsync, okAsync } from "neverthrow";
import { AS_INSTANT, firstOrNull, modelRow, toPage, UTC } from "../sql/rows.js";
import type { UnitSession } from "../sql/unit-session.js";

/** NileDB's built-in `tenants`, plus the `rookery_status` column Rookery adds. */
export const TENANT_COLUMNS = `id, name, rookery_status AS status, ${AS_INSTANT("deleted", "deletedAt")},
  ${AS_INSTANT("created", "createdAt")}, ${AS_INSTANT("updated", "updatedAt")}`;

export function tenantRepository(s: UnitSession): TenantRepository {
  return {
    insert: (tenant) =>
      s
        .rows(
          `INSERT INTO public.tenants (id, name, rookery_status, deleted, created, updated)
             VALUES ($1::uuid, $2::text, $3::text, ${UTC("$4")}, ${UTC("$5")}, ${UTC("$6")})
             ON CONFLICT (id) DO NOTHING RETURNING ${TENANT_COLUMNS}`,
          [
            tenant.id,
            tenant.name,
            tenant.status,
            tenant.deletedAt,
            tenant.createdAt,
            tenant.updatedAt,
          ],
        )
        .andThen(([row]) =>
          row === undefined
            ? errAsync(RookeryErrors.conflict("tenant", "A tenant with this id exists."))
            : okAsync(modelRow<Tenant>(row)),
        ),
    get: (id) =>
      s
        .rows(`SELECT ${TENANT_COLUMNS} FROM public.tenants WHERE id = $1::uuid`, [id])
        .map(firstOrNull<Tenant>),
    list: (query) =>
      s
        .rows(
          `SELECT ${TENANT_COLUMNS} FROM public.tenants
           WHERE ($1::uuid IS NULL OR id > $1::uuid) AND ($2::text IS NULL OR rookery_status = $2::text)
           ORDER BY id LIMIT $3::int`,
          [query.after ?? null, query.status ?? null, query.limit + 1],
        )
        .map((rows) => toPage(rows, query, (t: Tenant) => t.id)),
    update: (id, patch) =>
      s
        .rows(
          `UPDATE public.tenants SET name = coalesce($2::text, name),
               rookery_status = coalesce($3::text, rookery_status),
               deleted = CASE WHEN $4::boolean THEN ${UTC("$5")} ELSE deleted END,
               updated = ${UTC("$6")}
             WHERE id = $1::uuid RETURNING ${TENANT_COLUMNS}`,
          [
            id,
            patch.name ?? null,
            patch.status ?? null,
            patch.deletedAt !== undefined,
            patch.deletedAt ?? null,
            patch.updatedAt,
          ],
        )
        .andThen(([row]) =>
          row === undefined
            ? errAsync(RookeryErrors.notFound("tenant"))
            : okAsync(modelRow<Tenant>(row)),
        ),
    // Claims live in a shared table without a foreign key to tenants (NileDB
    // treats `tenants` specially), so they go in the same statement.
    remove: (id) =>
      s
        .rows(
          `WITH released AS (DELETE FROM public.rookery_tenant_claims WHERE claimed_tenant_id = $1::uuid)
             DELETE FROM public.tenants WHERE id = $1::uuid RETURNING id`,
          [id],
        )
        .map((rows) => rows.length > 0),
  };
}
