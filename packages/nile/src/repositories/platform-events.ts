import type { AuditEvent } from "@rookery/core";
import type { PlatformEventRepository } from "@rookery/core/adapter";
import { toPage } from "../sql/rows.js";
import type { UnitSession } from "../sql/unit-session.js";
import { eventTable, eventValues, insertedOrConflict } from "./event-rows.js";

const EVENTS = eventTable("rookery_platform_events", "event_tenant_id");

/** The shared outbox of platform changes' events. */
export function platformEventRepository(s: UnitSession): PlatformEventRepository {
  return {
    add: (e) =>
      s
        .rows(EVENTS.insert, eventValues(e.tenantId, e))
        .andThen(insertedOrConflict(e, "An event with this id exists.")),
    list: (query) =>
      s
        .rows(
          `SELECT ${EVENTS.columns} FROM public.rookery_platform_events
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
