import type { Clock, IdGenerator } from "@rookery/core";

/** A clock a test controls: it stands still until `advance` or `set` moves it. */
export interface ManualClock {
  /** The current time: pass it as `createTenancy({ clock: clock.now })` and to your own code. */
  readonly now: Clock;
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void;
  /** Moves the clock to `at`, forward or back. */
  set(at: Date | string): void;
}

/** A clock for `createTenancy({ clock: clock.now })` that moves only when the test says. */
export function manualClock(start: Date | string = "2026-01-01T00:00:00.000Z"): ManualClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (at) => {
      current = new Date(at).getTime();
    },
  };
}

/**
 * Ids for `createTenancy({ ids })` that repeat on every run:
 * `00000000-0000-7000-8000-000000000001`, `...002`, ... Valid, increasing UUIDs,
 * so every adapter stores and orders them as it would real ones.
 */
export function sequentialIds(start = 1): IdGenerator {
  let next = start;
  return () => {
    const n = next++;
    const tail = n.toString(16).padStart(12, "0");
    return `00000000-0000-7000-8000-${tail}`;
  };
}
