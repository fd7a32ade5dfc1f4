import { type RookeryAdapter, RookeryErrors } from "@rookery/core";
import { err } from "neverthrow";

/** How the chaotic adapter treats each unit: a seeded draw, so that a run can be replayed. */
export interface ChaosTally {
  refused: number;
  thrown: number;
}

/**
 * The adapter with every tenant unit made slower and less reliable, as a busy
 * application would make it: the unit holds its connection for a random
 * delay (0 to 4 ms) before the work, and one unit in twenty answers an error
 * after its work (so its writes must roll back), one in twenty throws after it.
 */
export function chaoticAdapter(
  inner: RookeryAdapter,
  random: () => number,
  tally: ChaosTally,
): RookeryAdapter {
  return {
    name: `${inner.name} (chaotic)`,
    platform: (work, options) => inner.platform(work, options),
    tenant: (tenantId, work, options) => {
      const delay = Math.floor(random() * 5);
      const fate = random();
      return inner.tenant(
        tenantId,
        async (unit) => {
          await new Promise((resolve) => setTimeout(resolve, delay));
          const result = await work(unit);
          if (fate < 0.05) {
            tally.refused += 1;
            return err(RookeryErrors.unavailable("The unit was made to fail after its work."));
          }
          if (fate < 0.1) {
            tally.thrown += 1;
            throw new Error("The unit was made to throw after its work.");
          }
          return result;
        },
        options,
      );
    },
  };
}

/** A small seeded generator (mulberry32): the same seed gives the same delays and failures. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
