/** Runs `op` `n` times one after another and returns the mean microseconds per call. */
async function meanMicros(n: number, op: (i: number) => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await op(i);
  return Number(process.hrtime.bigint() - start) / 1_000 / n;
}

/**
 * Interleaves the contenders in rounds, so drift (caches, autovacuum, CPU
 * frequency) hits each alike, and keeps each one's best round.
 */
export async function compare(
  rounds: number,
  n: number,
  contenders: Record<string, (i: number) => unknown>,
): Promise<Record<string, number>> {
  const best: Record<string, number> = {};
  for (let r = 0; r < rounds; r++) {
    for (const [name, op] of Object.entries(contenders)) {
      const micros = await meanMicros(n, op);
      best[name] = Math.min(best[name] ?? Number.POSITIVE_INFINITY, micros);
    }
  }
  return best;
}

export const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined ? Number.NaN : a / b;
