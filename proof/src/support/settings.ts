/**
 * The campaign's sizes, from the environment so that CI, a workstation and a
 * soak run use the same code: `PROOF_SOAK=1` multiplies every count, and each
 * count can be set on its own. `PROOF_SEED` replays a run.
 */
const soak = process.env.PROOF_SOAK === "1";

function count(name: string, normal: number, soaked: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return soak ? soaked : normal;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer, not ${JSON.stringify(raw)}.`);
  }
  return value;
}

/** The seed of this run: given, or drawn and printed so that a failure can be replayed. */
export function campaignSeed(): number {
  const raw = process.env.PROOF_SEED;
  if (raw !== undefined && raw !== "") {
    const seed = Number(raw);
    if (!Number.isInteger(seed)) throw new Error(`PROOF_SEED must be an integer, not ${raw}.`);
    return seed;
  }
  return Math.floor(Math.random() * 2 ** 31);
}

export const PROOF = {
  soak,
  /** Random sequences run on both adapters. */
  sequences: count("PROOF_SEQUENCES", 1_000, 20_000),
  /** Sequences run at once, each on a database of its own. */
  lanes: count("PROOF_LANES", 3, 3),
  /** Random hostile calls beside the catalogue's fixed ones. */
  hostileRandom: count("PROOF_HOSTILE", 300, 5_000),
  /** Random sequences interrupted by killed backends and restarts. */
  faultSequences: count("PROOF_FAULT_SEQUENCES", 40, 500),
  /** Concurrent callers of each race. */
  racers: count("PROOF_RACERS", 100, 200),
} as const;
