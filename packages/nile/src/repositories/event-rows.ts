import { type AuditEvent, RookeryErrors } from "@rookery/core";
import { errAsync, okAsync } from "neverthrow";
import { json } from "../sql/rows.js";

/**
 * An event's row, as the tenant's audit log and the shared outbox of platform
 * changes both store it; they differ in the table and in the column that
 * names the event's tenant.
 */
export function eventTable(table: string, tenantColumn: string) {
  return {
    columns: `${tenantColumn} AS "tenantId", id, actor_id AS "actorId", operator, action,
  pg_catalog.json_build_object('type', target_type, 'id', target_id) AS target, before, after, at`,
    /** Answers a row only when the event's id was new. */
    insert: `INSERT INTO public.${table} (${tenantColumn}, id, actor_id, action, target_type,
               target_id, before, after, at, operator)
             VALUES ($1::uuid, $2::uuid, $3::uuid, $4::text, $5::text, $6::text, $7::jsonb,
               $8::jsonb, $9::timestamptz, $10::text)
             ON CONFLICT DO NOTHING RETURNING 1`,
  } as const;
}

/** The insert's values: `tenantId` is the one the row is stored under. */
export const eventValues = (tenantId: string, e: AuditEvent): unknown[] => [
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
];

/** The event when its insert answered a row, else CONFLICT: an event with this id exists. */
export const insertedOrConflict = (e: AuditEvent, message: string) => (rows: readonly unknown[]) =>
  rows.length === 0 ? errAsync(RookeryErrors.conflict("audit_event", message)) : okAsync(e);
