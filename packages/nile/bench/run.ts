import { withBenchDatabase } from "./bench-database.js";
import { runNileBench } from "./nile-bench.js";
import { reportLines } from "./report.js";

/**
 * `pnpm bench:nile`: Rookery's units of work on one shared pool against the
 * raw pool and the SDK's path, on a throwaway PostgreSQL.
 */
async function main() {
  await withBenchDatabase("rookery_bench", async (db) => {
    const figures = await runNileBench({
      ...db,
      iterations: Number(process.env.BENCH_ITERATIONS ?? 2_000),
      rounds: 3,
      activeTenants: 1_000,
      // The load the leak test puts on Rookery, through the SDK's path.
      sdkLoad: { units: 2_000, tenants: 50, deadlineMs: 5_000 },
      log: (line) => console.log(line),
    });
    for (const line of reportLines(figures)) console.log(line);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
