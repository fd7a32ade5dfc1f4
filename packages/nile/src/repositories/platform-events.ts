import { type AuditEvent, RookeryErrors } from "@rookery/core";
import type { PlatformEventRepository } from "@rookery/core/adapter";
import { errAsync, okAsync } from "neverthrow";
import { json, toPage } from "../sql/rows.js";
import type { UnitSession } from "../sql/unit-session.js";

const COLUMNS = `event_tenant_id AS "tenantId", id, actor_id AS "actorId", operator, action,
  json_build_object('type', target_type, 'id', target_id) AS target, before, after, at`;

/** The shared outbox of platform changes' events. */
export function platformEventRepository(s: UnitSession): PlatformEventRepository {
  return {
    add: (e) =>
      s
        .rows(
          `INSERT INTO public.rookery_platform_events (event_tenant_id, id, actor_id, action,
               target_type, target_id, before, after, at, operator)
             VALUES ($1::uuid, $2::uuid, $3::uuid, $4::text, $5::text, $6::text, $7::jsonb,
               $8::jsonb, $9::timestamptz, $10::text)
             ON CONFLICT DO NOTHING RETURNING 1`,
          [
            e.tenantId,
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
            ? errAsync(RookeryErrors.conflict("audit_event", "An event with this id exists."))
            : okAsync(e),
        ),
    list: (query) =>
      s
        .rows(
          `SELECT ${COLUMNS} FROM public.rookery_platform_events
           WHERE ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2::int`,
          [query.after ?? null, query.limit + 1],
        )
        .map((rows) => toPage(rows, query, (e: AuditEvent) => e.id)),
    remove: (id) =>
      s
        .rows(`DELETE FROM public.rookery_platform_events WHERE id = $1::uuid RETURNING 1`, [id])
        .map((rows) => rows.length > 0),
  };
}
