/** One contender under load: requests per second, and this process's CPU time per request. */
export interface UnderLoad {
  readonly perSecond: number;
  /** User and system CPU of this process (the client side: Rookery, pg, the event loop), µs. */
  readonly cpuMicros: number;
}

/**
 * Requests per second with `clients` concurrent callers sharing what each
 * contender has (both run on a pool of 10): every caller takes the next
 * request until `requests` were made. Interleaved in two rounds; the best
 * round of each counts, with the CPU this process spent per request in it.
 */
export async function throughputAt<Name extends string>(
  load: { readonly clients: number; readonly requests: number },
  contenders: Record<Name, (i: number) => unknown>,
): Promise<Record<Name, UnderLoad>> {
  const best = {} as Record<Name, UnderLoad>;
  for (let round = 0; round < 2; round++) {
    for (const [name, request] of Object.entries(contenders) as [Name, (i: number) => unknown][]) {
      let next = 0;
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: load.clients }, async () => {
          for (let i = next++; i < load.requests; i = next++) await request(i);
        }),
      );
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const spent = process.cpuUsage(cpu);
      const perSecond = load.requests / seconds;
      if (perSecond > (best[name]?.perSecond ?? 0)) {
        best[name] = { perSecond, cpuMicros: (spent.user + spent.system) / load.requests };
      }
    }
  }
  return best;
}
