/** The source of time for every timestamp Rookery writes. Injected for deterministic tests. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock a test controls: it stands still until `advance` moves it. */
export interface ManualClock {
  readonly now: Clock;
  advance(ms: number): void;
  set(at: Date | string): void;
}

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
