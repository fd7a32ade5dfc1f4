import { type AuditEvent, RookeryErrors } from "@rookery/core";
import type { AuditRepository } from "@rookery/core/adapter";
import { errAsync, okAsync } from "neverthrow";
import { json, toPage } from "../sql/rows.js";
import type { TenantScope } from "./tenant-scope.js";

const COLUMNS = `tenant_id AS "tenantId", id, actor_id AS "actorId", operator, action,
  json_build_object('type', target_type, 'id', target_id) AS target, before, after, at`;

export function auditRepository(scope: TenantScope): AuditRepository {
  const { s, tenantId } = scope;
  return {
    append: (e) =>
      s
        .rows(
          `INSERT INTO public.rookery_audit_events (tenant_id, id, actor_id, action, target_type, target_id,
               before, after, at, operator)
             VALUES ($1::uuid, $2::uuid, $3::uuid, $4::text, $5::text, $6::text, $7::jsonb, $8::jsonb,
               $9::timestamptz, $10::text)
             ON CONFLICT DO NOTHING RETURNING 1`,
          [
            tenantId,
            e.id,
            e.actorId,
            e.action,
            e.target.type,
            e.target.id,
            e.before === null ? null : json(e.before),
            e.after === null ? null : json(e.after),
            e.at,
            e.operator,
          ],
        )
        .andThen((rows) =>
          rows.length === 0
            ? errAsync(RookeryErrors.conflict("audit_event", "An audit event with this id exists."))
            : okAsync(e),
        ),
    list: (query) =>
      s
        .rows(
          `SELECT ${COLUMNS} FROM public.rookery_audit_events
           WHERE tenant_id = $1::uuid AND ($2::uuid IS NULL OR id > $2::uuid)
           ORDER BY id LIMIT $3::int`,
          [tenantId, query.after ?? null, query.limit + 1],
        )
        .map((rows) => toPage(rows, query, (e: AuditEvent) => e.id)),
    pending: (query) =>
      s
        .rows(
          `SELECT ${COLUMNS} FROM public.rookery_audit_events
           WHERE tenant_id = $1::uuid AND delivered_at IS NULL AND ($2::uuid IS NULL OR id > $2::uuid)
           ORDER BY id LIMIT $3::int`,
          [tenantId, query.after ?? null, query.limit + 1],
        )
        .map((rows) => toPage(rows, query, (e: AuditEvent) => e.id)),
    markDelivered: (ids, at) =>
      s
        .rows(
          `UPDATE public.rookery_audit_events SET delivered_at = $3::timestamptz
             WHERE tenant_id = $1::uuid AND id = ANY ($2::uuid[]) AND delivered_at IS NULL
             RETURNING 1`,
          [tenantId, [...new Set(ids)], at],
        )
        .map((rows) => rows.length),
  };
}
