import { okAsync, ResultAsync } from "neverthrow";
import type { Clock } from "../clock.js";
import type { AuditEventId, IdGenerator, TenantId, UserId } from "../ids.js";
import type { AuditEvent } from "../model/audit.js";
import type { JsonValue } from "../model/common.js";
import type { RookeryAdapter } from "../port/adapter.js";
import type { PlatformUnit } from "../port/platform-unit.js";
import type { AuditRepository, TenantUnit } from "../port/tenant-unit.js";

/** What a change records: the action, its target, and the state before and after. */
export interface AuditInput {
  readonly action: string;
  readonly target: { readonly type: string; readonly id: string };
  readonly before?: JsonValue | null;
  readonly after?: JsonValue | null;
}

/**
 * A new audit event of `tenantId`. `actorId` null means the platform acted,
 * and `operator` then names who operated it, when the application said.
 */
export function auditEvent(
  source: { readonly ids: IdGenerator; readonly clock: Clock },
  tenantId: TenantId,
  actorId: UserId | null,
  input: AuditInput,
  operator: string | null = null,
): AuditEvent {
  return {
    tenantId,
    id: source.ids() as AuditEventId,
    actorId,
    operator,
    action: input.action,
    target: input.target,
    before: input.before ?? null,
    after: input.after ?? null,
    at: source.clock().toISOString(),
  };
}

/** What happens to events once the unit that wrote them committed. */
export interface CommittedEvents {
  /** A tenant unit committed: these events are in its audit log, not yet delivered. */
  committed(tenantId: TenantId, events: readonly AuditEvent[]): void;
  /**
   * A platform unit committed: these events are in the shared outbox. Resolves
   * once each is copied into its tenant's audit log (or, for a tenant that is
   * gone, handed to delivery); whatever fails stays for the sweep.
   */
  published(events: readonly AuditEvent[]): Promise<void>;
}

/**
 * The adapter as the services use it: every audit event a unit appends, and
 * every event a platform unit adds to the shared outbox, is handed over once
 * the unit committed, never before, and never for a unit that rolled back.
 */
export function withOutbox(adapter: RookeryAdapter, after: CommittedEvents): RookeryAdapter {
  const close = adapter.close;
  return {
    name: adapter.name,
    tenant: (tenantId, work, options) => {
      const appended: AuditEvent[] = [];
      return adapter
        .tenant(tenantId, (unit) => work(recordingAppends(unit, appended)), options)
        .map((value) => {
          if (appended.length > 0) after.committed(tenantId, appended);
          return value;
        });
    },
    platform: (work, options) => {
      const added: AuditEvent[] = [];
      return adapter
        .platform((unit) => work(recordingEvents(unit, added)), options)
        .andThen((value) =>
          added.length === 0
            ? okAsync(value)
            : ResultAsync.fromSafePromise(after.published(added)).map(() => value),
        );
    },
    ...(close === undefined ? {} : { close: () => close.call(adapter) }),
  };
}

/** The unit with its audit log's appends recorded, everything else as it is (and as lazy). */
function recordingAppends(unit: TenantUnit, appended: AuditEvent[]): TenantUnit {
  let audit: AuditRepository | undefined;
  return new Proxy(unit, {
    get: (target, property) => {
      if (property !== "audit") return Reflect.get(target, property);
      audit ??= {
        append: (event) =>
          target.audit.append(event).map((stored) => {
            appended.push(stored);
            return stored;
          }),
        list: (query) => target.audit.list(query),
        pending: (query) => target.audit.pending(query),
        markDelivered: (ids, at) => target.audit.markDelivered(ids, at),
      };
      return audit;
    },
  });
}

function recordingEvents(unit: PlatformUnit, added: AuditEvent[]): PlatformUnit {
  return {
    ...unit,
    events: {
      add: (event) =>
        unit.events.add(event).map((stored) => {
          added.push(stored);
          return stored;
        }),
      list: (query) => unit.events.list(query),
      remove: (id) => unit.events.remove(id),
    },
  };
}
