import { RookeryErrors, type Workspace } from "@rookery/core";
import type { WorkspaceRepository } from "@rookery/core/adapter";
import { errAsync, okAsync } from "neverthrow";
import { firstOrNull, modelRow, toPage } from "../sql/rows.js";
import type { TenantScope } from "./tenant-scope.js";

const COLUMNS = `tenant_id AS "tenantId", id, name, status, created_at AS "createdAt", updated_at AS "updatedAt"`;

export function workspaceRepository(scope: TenantScope): WorkspaceRepository {
  const { s, tenantId } = scope;
  const get = (id: string) =>
    s
      .rows(
        `SELECT ${COLUMNS} FROM public.rookery_workspaces WHERE tenant_id = $1::uuid AND id = $2::uuid`,
        [tenantId, id],
      )
      .map(firstOrNull<Workspace>);

  return {
    // The primary key and the unique (tenant_id, name) both answer DO NOTHING.
    insert: (w) =>
      s
        .rows(
          `INSERT INTO public.rookery_workspaces (tenant_id, id, name, status, created_at, updated_at)
             VALUES ($1::uuid, $2::uuid, $3::text, $4::text, $5::timestamptz, $6::timestamptz)
             ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
          [tenantId, w.id, w.name, w.status, w.createdAt, w.updatedAt],
        )
        .andThen(([row]) =>
          row === undefined
            ? errAsync(
                RookeryErrors.conflict("workspace", "A workspace with this id or name exists."),
              )
            : okAsync(modelRow<Workspace>(row)),
        ),
    get,
    list: (query) =>
      s
        .rows(
          `SELECT ${COLUMNS} FROM public.rookery_workspaces WHERE tenant_id = $1::uuid
             AND ($2::uuid IS NULL OR id > $2::uuid) AND ($3::uuid[] IS NULL OR id = ANY ($3::uuid[]))
             AND ($4::text IS NULL OR status = $4::text)
           ORDER BY id LIMIT $5::int`,
          [tenantId, query.after ?? null, query.ids ?? null, query.status ?? null, query.limit + 1],
        )
        .map((rows) => toPage(rows, query, (w: Workspace) => w.id)),
    update: (id, patch) =>
      s
        .rows(
          `UPDATE public.rookery_workspaces SET name = coalesce($3::text, name),
               status = coalesce($4::text, status), updated_at = $5::timestamptz
             WHERE tenant_id = $1::uuid AND id = $2::uuid AND NOT EXISTS (
               SELECT 1 FROM public.rookery_workspaces o
               WHERE o.tenant_id = $1::uuid AND o.name = $3::text AND o.id <> $2::uuid)
             RETURNING ${COLUMNS}`,
          [tenantId, id, patch.name ?? null, patch.status ?? null, patch.updatedAt],
        )
        .andThen(([row]) =>
          row !== undefined
            ? okAsync(modelRow<Workspace>(row))
            : get(id).andThen((found) =>
                errAsync(
                  found === null
                    ? RookeryErrors.notFound("workspace")
                    : RookeryErrors.conflict("workspace", "A workspace with this name exists."),
                ),
              ),
        ),
    // Assignments, resources and settings overrides go by ON DELETE CASCADE.
    remove: (id) =>
      s
        .rows(
          `DELETE FROM public.rookery_workspaces WHERE tenant_id = $1::uuid AND id = $2::uuid RETURNING 1`,
          [tenantId, id],
        )
        .map((rows) => rows.length > 0),
    count: (query) =>
      s
        .rows<{ n: number }>(
          `SELECT pg_catalog.count(*)::int AS n FROM public.rookery_workspaces
           WHERE tenant_id = $1::uuid AND ($2::text IS NULL OR status = $2::text)`,
          [tenantId, query?.status ?? null],
        )
        .map(([row]) => row?.n ?? 0),
  };
}
