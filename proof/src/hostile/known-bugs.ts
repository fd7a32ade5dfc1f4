import type { Anomaly } from "./run-hostile.js";

/**
 * Bugs the campaign found and the library has not fixed yet. Each has a
 * regression test under proof/known-bugs (run by `pnpm test:known-bugs`,
 * not by `pnpm test`); an anomaly one of them explains is counted apart and
 * does not fail the run, any other anomaly does. Remove the entry with the fix.
 */
export interface KnownBug {
  readonly id: string;
  readonly summary: string;
  /** The excluded regression test that reproduces it. */
  readonly regression: string;
  matches(anomaly: Anomaly): boolean;
}

/** Every bug this campaign found in hostile input is fixed; its regression test is in src/regressions. */
export const KNOWN_BUGS: readonly KnownBug[] = [];
