import { type Resource, RookeryErrors } from "@rookery/core";
import type { ResourceRepository, WorkspaceFilter } from "@rookery/core/adapter";
import { errAsync, okAsync } from "neverthrow";
import { firstOrNull, json, modelRow, toPage } from "../sql/rows.js";
import type { TenantScope } from "./tenant-scope.js";

const COLUMNS = `tenant_id AS "tenantId", id, type, workspace_id AS "workspaceId", data, version,
  created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt"`;
const KEY = `tenant_id = $1::uuid AND type = $2::text AND id = $3::uuid`;
/** `$3` holds the workspace ids, or null for "all"; an empty list matches nothing. */
const IN_WORKSPACES = `($3::uuid[] IS NULL OR workspace_id = ANY ($3::uuid[]))`;
const workspacesParam = (filter: WorkspaceFilter) => (filter === "all" ? null : [...filter]);

export function resourceRepository(scope: TenantScope): ResourceRepository {
  const { s, tenantId } = scope;
  const get = (type: string, id: string) =>
    s
      .rows(`SELECT ${COLUMNS} FROM public.rookery_resources WHERE ${KEY}`, [tenantId, type, id])
      .map(firstOrNull<Resource>);

  return {
    insert: (r) =>
      s
        .rows<{ taken: boolean; workspaceFound: boolean; inserted: boolean }>(
          `WITH c AS (SELECT EXISTS (SELECT 1 FROM public.rookery_resources WHERE ${KEY}) AS taken,
                               ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM public.rookery_workspaces
                                 WHERE tenant_id = $1::uuid AND id = $4::uuid)) AS ws),
                  ins AS (INSERT INTO public.rookery_resources (tenant_id, type, id, workspace_id, data,
                            version, created_by, created_at, updated_at)
                          SELECT $1::uuid, $2::text, $3::uuid, $4::uuid, $5::jsonb, $6::int, $7::uuid,
                                 $8::timestamptz, $9::timestamptz
                          WHERE (SELECT ws AND NOT taken FROM c)
                          ON CONFLICT DO NOTHING RETURNING 1)
             SELECT c.taken, c.ws AS "workspaceFound", EXISTS (SELECT 1 FROM ins) AS inserted FROM c`,
          [
            tenantId,
            r.type,
            r.id,
            r.workspaceId,
            json(r.data),
            r.version,
            r.createdBy,
            r.createdAt,
            r.updatedAt,
          ],
        )
        .andThen(([flags]) => {
          if (flags?.inserted === true) return okAsync(r);
          return errAsync(
            flags?.taken === false && !flags.workspaceFound
              ? RookeryErrors.notFound("workspace")
              : RookeryErrors.conflict("resource", "A resource with this id exists."),
          );
        }),
    get,
    // The version check is in the WHERE: a stale expectedVersion updates nothing.
    update: (type, id, update) =>
      s
        .rows(
          `UPDATE public.rookery_resources SET data = $4::jsonb, updated_at = $5::timestamptz,
               version = version + 1
             WHERE ${KEY} AND ($6::int IS NULL OR version = $6::int) RETURNING ${COLUMNS}`,
          [tenantId, type, id, json(update.data), update.updatedAt, update.expectedVersion ?? null],
        )
        .andThen(([row]) =>
          row !== undefined
            ? okAsync(modelRow<Resource>(row))
            : get(type, id).andThen((found) =>
                errAsync(
                  found === null
                    ? RookeryErrors.notFound("resource")
                    : RookeryErrors.conflict(
                        "resource",
                        "The resource was changed since it was read.",
                      ),
                ),
              ),
        ),
    remove: (type, id) =>
      s
        .rows(`DELETE FROM public.rookery_resources WHERE ${KEY} RETURNING 1`, [tenantId, type, id])
        .map((rows) => rows.length > 0),
    list: (query) =>
      s
        .rows(
          `SELECT ${COLUMNS} FROM public.rookery_resources
           WHERE tenant_id = $1::uuid AND type = $2::text AND ${IN_WORKSPACES}
             AND ($4::uuid IS NULL OR id > $4::uuid)
           ORDER BY id LIMIT $5::int`,
          [
            tenantId,
            query.type,
            workspacesParam(query.workspaces),
            query.after ?? null,
            query.limit + 1,
          ],
        )
        .map((rows) => toPage(rows, query, (r: Resource) => r.id)),
    count: (query) =>
      s
        .rows<{ n: number }>(
          `SELECT pg_catalog.count(*)::int AS n FROM public.rookery_resources
           WHERE tenant_id = $1::uuid AND type = $2::text AND ${IN_WORKSPACES}`,
          [tenantId, query.type, workspacesParam(query.workspaces)],
        )
        .map(([row]) => row?.n ?? 0),
  };
}
