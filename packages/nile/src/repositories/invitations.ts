import { RookeryErrors } from "@rookery/core";
import type { InvitationRecord, InvitationRepository } from "@rookery/core/adapter";
import { errAsync, okAsync } from "neverthrow";
import { firstOrNull, modelRow, toPage } from "../sql/rows.js";
import type { TenantScope } from "./tenant-scope.js";

const COLUMNS = `tenant_id AS "tenantId", id, email, role, workspace_ids AS "workspaceIds",
  invited_by AS "invitedBy", status, expires_at AS "expiresAt", accepted_by AS "acceptedBy",
  secret_hash AS "secretHash", created_at AS "createdAt", updated_at AS "updatedAt"`;

export function invitationRepository(scope: TenantScope): InvitationRepository {
  const { s, tenantId } = scope;
  return {
    insert: (i) =>
      s
        .rows(
          `INSERT INTO public.rookery_invitations (tenant_id, id, email, role, workspace_ids,
               invited_by, status, expires_at, accepted_by, secret_hash, created_at, updated_at)
             VALUES ($1::uuid, $2::uuid, $3::text, $4::text, $5::uuid[], $6::uuid, $7::text,
               $8::timestamptz, $9::uuid, $10::text, $11::timestamptz, $12::timestamptz)
             ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
          [
            tenantId,
            i.id,
            i.email,
            i.role,
            [...i.workspaceIds],
            i.invitedBy,
            i.status,
            i.expiresAt,
            i.acceptedBy,
            i.secretHash,
            i.createdAt,
            i.updatedAt,
          ],
        )
        .andThen(([row]) =>
          row === undefined
            ? errAsync(RookeryErrors.conflict("invitation", "An invitation with this id exists."))
            : okAsync(modelRow<InvitationRecord>(row)),
        ),
    get: (id) =>
      s
        .rows(
          `SELECT ${COLUMNS} FROM public.rookery_invitations WHERE tenant_id = $1::uuid AND id = $2::uuid`,
          [tenantId, id],
        )
        .map(firstOrNull<InvitationRecord>),
    list: (query) =>
      s
        .rows(
          `SELECT ${COLUMNS} FROM public.rookery_invitations WHERE tenant_id = $1::uuid
             AND ($2::uuid IS NULL OR id > $2::uuid) AND ($3::text IS NULL OR status = $3::text)
             AND ($4::text IS NULL OR email = pg_catalog.lower($4::text))
           ORDER BY id LIMIT $5::int`,
          [
            tenantId,
            query.after ?? null,
            query.status ?? null,
            query.email ?? null,
            query.limit + 1,
          ],
        )
        .map((rows) => toPage(rows, query, (i: InvitationRecord) => i.id)),
    update: (id, patch) =>
      s
        .rows(
          `UPDATE public.rookery_invitations SET status = coalesce($3::text, status),
               secret_hash = coalesce($4::text, secret_hash),
               expires_at = coalesce($5::timestamptz, expires_at),
               accepted_by = CASE WHEN $6::boolean THEN $7::uuid ELSE accepted_by END,
               updated_at = $8::timestamptz
             WHERE tenant_id = $1::uuid AND id = $2::uuid RETURNING ${COLUMNS}`,
          [
            tenantId,
            id,
            patch.status ?? null,
            patch.secretHash ?? null,
            patch.expiresAt ?? null,
            patch.acceptedBy !== undefined,
            patch.acceptedBy ?? null,
            patch.updatedAt,
          ],
        )
        .andThen(([row]) =>
          row === undefined
            ? errAsync(RookeryErrors.notFound("invitation"))
            : okAsync(modelRow<InvitationRecord>(row)),
        ),
  };
}
