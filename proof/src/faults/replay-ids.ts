import type { IdGenerator } from "@rookery/core";
import { sequentialIds } from "@rookery/testing";

/** Sequential ids, with the ids each step drew kept by step. */
export function recordedIds(): {
  readonly next: IdGenerator;
  begin(step: number): void;
  of(step: number): readonly string[];
} {
  const base = sequentialIds();
  const byStep = new Map<number, string[]>();
  let current: string[] = [];
  return {
    next: () => {
      const id = base();
      current.push(id);
      return id;
    },
    begin: (step) => {
      current = [];
      byStep.set(step, current);
    },
    of: (step) => byStep.get(step) ?? [],
  };
}

/**
 * Ids for the replay of a step: the ones the step drew when it ran first, so
 * that replaying only the calls that succeeded makes the same ids. Past them,
 * ids no sequence makes (a replay that asks for more than the original did
 * will then differ, and the comparison says so).
 */
export function replayedIds(): { readonly next: IdGenerator; use(ids: readonly string[]): void } {
  const beyond = sequentialIds(0xffff_0000);
  let queue: string[] = [];
  return {
    next: () => queue.shift() ?? beyond(),
    use: (ids) => {
      queue = [...ids];
    },
  };
}
