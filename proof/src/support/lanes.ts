import { openDatabase } from "../../../packages/nile/test-support/open-database.js";
import type { PostgresLane } from "../differential/run-sequence.js";
import { postgresOracle } from "../oracle/postgres-oracle.js";

/** Databases of their own, each with its oracle: sequences on different lanes run at once. */
export async function openLanes(
  count: number,
  options: { readonly pool?: number } = {},
): Promise<{
  readonly lanes: PostgresLane[];
  close(): Promise<void>;
}> {
  const opened = await Promise.all(
    Array.from({ length: count }, async () => {
      const env = await openDatabase({ max: options.pool ?? 4 });
      const oracle = await postgresOracle({
        superuserUrl: env.db.superuserUrl,
        appUrl: env.db.appUrl,
      });
      const lane: PostgresLane = {
        adapter: env.adapter,
        oracle,
        empty: () => env.inspect.truncateAll(),
      };
      return {
        lane,
        close: async () => {
          await oracle.close();
          await env.close();
        },
      };
    }),
  );
  return {
    lanes: opened.map((o) => o.lane),
    close: async () => {
      await Promise.all(opened.map((o) => o.close()));
    },
  };
}
