import type { AuditEvent } from "@rookery/core";
import type { AuditRepository } from "@rookery/core/adapter";
import { toPage } from "../sql/rows.js";
import { eventTable, eventValues, insertedOrConflict } from "./event-rows.js";
import type { TenantScope } from "./tenant-scope.js";

const EVENTS = eventTable("rookery_audit_events", "tenant_id");

export function auditRepository(scope: TenantScope): AuditRepository {
  const { s, tenantId } = scope;
  return {
    append: (e) =>
      s
        .rows(EVENTS.insert, eventValues(tenantId, e))
        .andThen(insertedOrConflict(e, "An audit event with this id exists.")),
    list: (query) =>
      s
        .rows(
          `SELECT ${EVENTS.columns} FROM public.rookery_audit_events
           WHERE tenant_id = $1::uuid AND ($2::uuid IS NULL OR id > $2::uuid)
           ORDER BY id LIMIT $3::int`,
          [tenantId, query.after ?? null, query.limit + 1],
        )
        .map((rows) => toPage(rows, query, (e: AuditEvent) => e.id)),
    pending: (query) =>
      s
        .rows(
          `SELECT ${EVENTS.columns} FROM public.rookery_audit_events
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
