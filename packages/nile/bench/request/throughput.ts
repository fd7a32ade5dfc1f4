/**
 * Requests per second with `clients` concurrent callers sharing what each
 * contender has (both run on a pool of 10): every caller takes the next
 * request until `requests` were made. Interleaved in two rounds; the best
 * round of each counts.
 */
export async function throughputAt<Name extends string>(
  load: { readonly clients: number; readonly requests: number },
  contenders: Record<Name, (i: number) => unknown>,
): Promise<Record<Name, number>> {
  const best = {} as Record<Name, number>;
  for (let round = 0; round < 2; round++) {
    for (const [name, request] of Object.entries(contenders) as [Name, (i: number) => unknown][]) {
      let next = 0;
      const start = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: load.clients }, async () => {
          for (let i = next++; i < load.requests; i = next++) await request(i);
        }),
      );
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      best[name] = Math.max(best[name] ?? 0, load.requests / seconds);
    }
  }
  return best;
}
