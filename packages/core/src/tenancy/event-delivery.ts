import { err, ok, type Result, type ResultAsync, safeTry } from "neverthrow";
import { z } from "zod";
import type { Clock } from "../clock.js";
import type { RookeryError } from "../errors.js";
import type { AuditEventId, TenantId } from "../ids.js";
import type { AuditEvent } from "../model/audit.js";
import type { Page, PageQuery } from "../model/page.js";
import { parseWith } from "../parse.js";
import type { RookeryAdapter } from "../port/adapter.js";
import type { ResourceCatalogue } from "./config.js";
import type { TenancyEvent } from "./events.js";
import type { CommittedEvents } from "./outbox.js";

/**
 * Receives each committed change. It fails by throwing, by rejecting, or by
 * answering a neverthrow `Err`; a failed event stays pending and is offered
 * again by `events.sweep()`. Delivery is at least once: drop an event `id`
 * already handled.
 */
export type EventHandler<Resources extends ResourceCatalogue = ResourceCatalogue> = (
  event: TenancyEvent<Resources>,
) => unknown;

/** Options of one subscriber: what to do when its handler fails on an event. */
export interface SubscribeOptions<Resources extends ResourceCatalogue = ResourceCatalogue> {
  /** Told when this handler fails on an event (the event stays pending). */
  readonly onError?: (error: unknown, event: TenancyEvent<Resources>) => void;
}

/** What a sweep did. */
export interface SweepReport {
  /** Events of platform changes copied into their tenants' audit logs. */
  readonly transferred: number;
  /** Events every subscriber took. */
  readonly delivered: number;
  /** Events some subscriber failed on: still pending. */
  readonly failed: number;
}

/** How many pending events a delivery sweep takes at once (100 by default, at most 500). */
export const SweepInput = z.strictObject({ batch: z.number().int().min(1).max(500).default(100) });
/** How many pending events a delivery sweep takes at once (100 by default, at most 500). */
export type SweepInput = z.input<typeof SweepInput>;

/** The application's side of the outbox. */
export interface TenancyEvents<Resources extends ResourceCatalogue = ResourceCatalogue> {
  /**
   * Calls `handler` with every change this process commits, after it
   * commits, and with what `sweep` finds pending. Returns the unsubscribe.
   */
  subscribe(handler: EventHandler<Resources>, options?: SubscribeOptions<Resources>): () => void;
  /**
   * Delivers what a crash (or a failing subscriber) left pending: events of
   * platform changes not yet in their tenants' logs, then every tenant's
   * undelivered events, oldest first. Run it at start-up and periodically in
   * a process that subscribes; without subscribers it only copies the
   * platform events into the tenants' logs. Costs one read per tenant.
   */
  sweep(options?: SweepInput): ResultAsync<SweepReport, RookeryError>;
  /** Resolves once every delivery started so far has finished: for tests and shutdown. */
  settled(): Promise<void>;
}

interface Subscriber {
  readonly handler: EventHandler;
  readonly onError: ((error: unknown, event: TenancyEvent) => void) | undefined;
}

/** The dispatcher: after-commit delivery, the transfer of platform events, and the sweep. */
export interface EventDelivery extends CommittedEvents {
  readonly api: TenancyEvents;
  /** Delivers a tenant's pending events now (before its data is purged). */
  flushTenant(tenantId: TenantId): Promise<void>;
}

export function eventDelivery(adapter: () => RookeryAdapter, clock: Clock): EventDelivery {
  const subscribers = new Set<Subscriber>();
  const inFlight = new Set<Promise<unknown>>();
  // One queue per tenant: a process hands a tenant's events over in the order they committed.
  const queues = new Map<string, Promise<unknown>>();

  const track = <T>(work: Promise<T>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
    return work;
  };
  const enqueue = <T>(tenantId: string, work: () => PromiseLike<T>): Promise<T> => {
    const previous = queues.get(tenantId) ?? Promise.resolve();
    const next = previous.then(
      () => work(),
      () => work(),
    );
    queues.set(tenantId, next);
    void next.finally(() => {
      if (queues.get(tenantId) === next) queues.delete(tenantId);
    });
    return track(next);
  };

  /** Every subscriber gets the event; true when none failed. Never throws. */
  const handOver = async (event: AuditEvent): Promise<boolean> => {
    let delivered = true;
    const typed = event as unknown as TenancyEvent;
    for (const subscriber of [...subscribers]) {
      try {
        const answer = await subscriber.handler(typed);
        if (isErrResult(answer)) throw answer.error;
      } catch (error) {
        delivered = false;
        try {
          subscriber.onError?.(error, typed);
        } catch {
          // A failing error hook must not stop the others.
        }
      }
    }
    return delivered;
  };

  /** Hands the events over and marks those every subscriber took. */
  const deliver = async (tenantId: TenantId, events: readonly AuditEvent[]) => {
    const taken: AuditEventId[] = [];
    for (const event of events) if (await handOver(event)) taken.push(event.id);
    if (taken.length > 0) {
      // A failed mark only means the sweep offers these again: at least once.
      await adapter().tenant(tenantId, (unit) =>
        unit.audit.markDelivered(taken, clock().toISOString()),
      );
    }
    return { delivered: taken.length, failed: events.length - taken.length };
  };

  /** A platform event into its tenant's log, or straight to delivery when the tenant is gone. */
  const transfer = async (event: AuditEvent) => {
    const copied = await adapter().tenant(event.tenantId as TenantId, (unit) =>
      unit.audit.append(event),
    );
    const alreadyThere = copied.isErr() && copied.error.code === "CONFLICT";
    if (copied.isOk() || alreadyThere) {
      await adapter().platform((unit) => unit.events.remove(event.id));
      return { transferred: copied.isOk() ? 1 : 0, delivered: 0, failed: 0 };
    }
    const gone = copied.error.code === "NOT_FOUND" && copied.error.entity === "tenant";
    if (!gone || subscribers.size === 0) return { transferred: 0, delivered: 0, failed: 0 };
    const delivered = await handOver(event);
    if (delivered) await adapter().platform((unit) => unit.events.remove(event.id));
    return { transferred: 0, delivered: delivered ? 1 : 0, failed: delivered ? 0 : 1 };
  };

  /** Every pending event of one tenant, page by page. */
  const deliverPending = (tenantId: TenantId, batch: number) =>
    eachPage<AuditEvent>(
      (query) =>
        adapter().tenant(tenantId, (unit) => unit.audit.pending(query), { intent: "read" }),
      batch,
      async (events) => ok(await deliver(tenantId, events)),
    );

  const sweep = (batch: number) =>
    safeTry(async function* () {
      const transferred = yield* eachPage<AuditEvent>(
        (query) => adapter().platform((unit) => unit.events.list(query), { intent: "read" }),
        batch,
        async (events) => {
          let counts = NONE;
          for (const event of events) {
            counts = sum(counts, await enqueue(event.tenantId, () => transfer(event)));
          }
          return ok(counts);
        },
      );
      if (subscribers.size === 0) return ok(transferred);
      const delivered = yield* eachPage(
        (query) => adapter().platform((unit) => unit.tenants.list(query), { intent: "read" }),
        batch,
        async (tenants) => {
          let counts = NONE;
          for (const tenant of tenants) {
            if (tenant.status === "provisioning") continue;
            const done = await enqueue(tenant.id, () => deliverPending(tenant.id, batch));
            if (done.isErr()) return err(done.error);
            counts = sum(counts, done.value);
          }
          return ok(counts);
        },
      );
      return ok(sum(transferred, delivered));
    });

  return {
    committed: (tenantId, events) => {
      if (subscribers.size === 0) return;
      void enqueue(tenantId, () => deliver(tenantId, events));
    },
    published: async (events) => {
      for (const event of events) await enqueue(event.tenantId, () => transfer(event));
    },
    flushTenant: async (tenantId) => {
      if (subscribers.size > 0) await enqueue(tenantId, () => deliverPending(tenantId, 100));
    },
    api: {
      subscribe: (handler, options) => {
        const subscriber: Subscriber = {
          handler: handler as EventHandler,
          onError: options?.onError as Subscriber["onError"],
        };
        subscribers.add(subscriber);
        return () => {
          subscribers.delete(subscriber);
        };
      },
      sweep: (raw = {}) =>
        parseWith(SweepInput, raw, "sweep options").asyncAndThen(({ batch }) => sweep(batch)),
      settled: async () => {
        while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      },
    },
  };
}

interface Counts {
  readonly transferred: number;
  readonly delivered: number;
  readonly failed: number;
}

const NONE: Counts = { transferred: 0, delivered: 0, failed: 0 };

const sum = (a: Counts, b: Partial<Counts>): Counts => ({
  transferred: a.transferred + (b.transferred ?? 0),
  delivered: a.delivered + (b.delivered ?? 0),
  failed: a.failed + (b.failed ?? 0),
});

/** Reads page after page and hands each to `each`; sums what it counted, stops at a failure. */
function eachPage<T extends { readonly id: string }>(
  read: (query: PageQuery) => ResultAsync<Page<T>, RookeryError>,
  batch: number,
  each: (items: readonly T[]) => Promise<Result<Partial<Counts>, RookeryError>>,
): ResultAsync<Counts, RookeryError> {
  return safeTry(async function* () {
    let total = NONE;
    let after: string | undefined;
    do {
      const query = after === undefined ? { limit: batch } : { after, limit: batch };
      const page: Page<T> = yield* read(query);
      total = sum(total, yield* await each(page.items));
      after = page.next === null ? undefined : page.items.at(-1)?.id;
    } while (after !== undefined);
    return ok(total);
  });
}

function isErrResult(value: unknown): value is { isErr(): true; error: unknown } {
  return (
    typeof value === "object" &&
    value !== null &&
    "isErr" in value &&
    typeof (value as { isErr: unknown }).isErr === "function" &&
    (value as { isErr(): boolean }).isErr()
  );
}
