import pg from "pg";
import { withBenchDatabase } from "../bench-database.js";
import { memoryScopeGet } from "./memory-figure.js";
import { requestReportLines } from "./report.js";
import { runRequestBench } from "./request-bench.js";

const CLIENTS = 64;

/**
 * `pnpm bench:request`: what an application pays for a request — identity,
 * scope, one call — against hand-written SQL on a plain pool, one process,
 * one throwaway PostgreSQL.
 */
async function main() {
  const iterations = Number(process.env.BENCH_ITERATIONS ?? 2_000);
  await withBenchDatabase("rookery_request_bench", async (db) => {
    // Both sides get a pool of 10; Rookery's is pipelined, as docs/nile.md recommends.
    const app = new pg.Pool({ connectionString: db.appUrl, max: 10, pipeline: true });
    const raw = new pg.Pool({ connectionString: db.superuserUrl, max: 10 });
    for (const pool of [app, raw]) pool.on("error", () => {});
    try {
      const figures = await runRequestBench(
        {
          ...db,
          tenants: 10,
          iterations,
          rounds: 3,
          load: { clients: CLIENTS, requests: iterations * 2 },
          log: (line) => console.log(line),
        },
        { app, raw },
      );
      const memory = await memoryScopeGet(iterations * 5);
      for (const line of requestReportLines(figures, memory, CLIENTS)) console.log(line);
    } finally {
      await app.end();
      await raw.end();
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
