import { RookeryErrors, type WorkspaceAssignment } from "@rookery/core";
import type { AssignmentRepository } from "@rookery/core/adapter";
import { errAsync, okAsync } from "neverthrow";
import { modelRows } from "../sql/rows.js";
import type { TenantScope } from "./tenant-scope.js";

const COLUMNS = `tenant_id AS "tenantId", workspace_id AS "workspaceId", user_id AS "userId", created_at AS "createdAt"`;

export function assignmentRepository(scope: TenantScope): AssignmentRepository {
  const { s, tenantId } = scope;
  return {
    // Both references are checked in the statement, so a missing one answers
    // NOT_FOUND without aborting the unit's transaction.
    add: (a) =>
      s
        .rows<{ workspaceFound: boolean; memberFound: boolean; inserted: boolean }>(
          `WITH w AS (SELECT EXISTS (SELECT 1 FROM public.rookery_workspaces
                                       WHERE tenant_id = $1::uuid AND id = $2::uuid) AS found),
                  m AS (SELECT EXISTS (SELECT 1 FROM users.tenant_users WHERE tenant_id = $1::uuid
                                       AND user_id = $3::uuid AND deleted IS NULL) AS found),
                  ins AS (INSERT INTO public.rookery_workspace_assignments (tenant_id, workspace_id, user_id, created_at)
                          SELECT $1::uuid, $2::uuid, $3::uuid, $4::timestamptz
                          WHERE (SELECT found FROM w) AND (SELECT found FROM m)
                          ON CONFLICT DO NOTHING RETURNING 1)
             SELECT (SELECT found FROM w) AS "workspaceFound", (SELECT found FROM m) AS "memberFound",
                    EXISTS (SELECT 1 FROM ins) AS inserted`,
          [tenantId, a.workspaceId, a.userId, a.createdAt],
        )
        .andThen(([flags]) => {
          if (flags?.workspaceFound !== true) return errAsync(RookeryErrors.notFound("workspace"));
          if (!flags.memberFound) return errAsync(RookeryErrors.notFound("membership"));
          if (!flags.inserted) {
            return errAsync(
              RookeryErrors.conflict("assignment", "The member is already assigned."),
            );
          }
          return okAsync(a);
        }),
    remove: (workspaceId, userId) =>
      s
        .rows(
          `DELETE FROM public.rookery_workspace_assignments
             WHERE tenant_id = $1::uuid AND workspace_id = $2::uuid AND user_id = $3::uuid RETURNING 1`,
          [tenantId, workspaceId, userId],
        )
        .map((rows) => rows.length > 0),
    listForUser: (userId) =>
      s
        .rows(
          `SELECT ${COLUMNS} FROM public.rookery_workspace_assignments
           WHERE tenant_id = $1::uuid AND user_id = $2::uuid ORDER BY workspace_id`,
          [tenantId, userId],
        )
        .map(modelRows<WorkspaceAssignment>),
    listForWorkspace: (workspaceId) =>
      s
        .rows(
          `SELECT ${COLUMNS} FROM public.rookery_workspace_assignments
           WHERE tenant_id = $1::uuid AND workspace_id = $2::uuid ORDER BY user_id`,
          [tenantId, workspaceId],
        )
        .map(modelRows<WorkspaceAssignment>),
  };
}
