import pg from "pg";
import { migrate } from "../src/index.js";
import { startThrowawayCluster } from "../test-support/throwaway-cluster.js";
import { runNileBench } from "./nile-bench.js";
import { reportLines } from "./report.js";

/**
 * `pnpm bench:nile`: starts a throwaway PostgreSQL (or uses the superuser URL
 * in BENCH_DATABASE_URL), migrates a fresh database as an ordinary role, and
 * measures Rookery's scoped units against the raw pool and the SDK's path.
 */
async function main() {
  const external = process.env.BENCH_DATABASE_URL;
  const cluster = external === undefined ? await startThrowawayCluster() : undefined;
  const admin = external ?? cluster?.superuserUrl ?? "";
  const name = `rookery_bench_${process.pid}`;
  const setup = new pg.Client({ connectionString: admin });
  await setup.connect();
  // Two roles, as docs/nile.md sets them up: an owner that migrates, and the
  // runtime role the adapter connects as.
  await setup.query(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rookery_bench_owner') THEN
      CREATE ROLE rookery_bench_owner LOGIN PASSWORD 'rookery_bench_owner';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rookery_bench') THEN
      CREATE ROLE rookery_bench LOGIN PASSWORD 'rookery_bench';
    END IF; END $$`);
  await setup.query(`CREATE DATABASE ${name} OWNER rookery_bench_owner`);
  const superuserUrl = new URL(admin);
  superuserUrl.pathname = `/${name}`;
  const appUrl = new URL(superuserUrl);
  appUrl.username = "rookery_bench";
  appUrl.password = "rookery_bench";
  const ownerUrl = new URL(superuserUrl);
  ownerUrl.username = "rookery_bench_owner";
  ownerUrl.password = "rookery_bench_owner";
  try {
    const pool = new pg.Pool({ connectionString: ownerUrl.toString(), max: 1 });
    (await migrate({ pool, mode: "postgres", runtimeRole: "rookery_bench" }))._unsafeUnwrap();
    await pool.end();
    const figures = await runNileBench({
      appUrl: appUrl.toString(),
      superuserUrl: superuserUrl.toString(),
      iterations: Number(process.env.BENCH_ITERATIONS ?? 2_000),
      rounds: 3,
      activeTenants: 1_000,
      log: (line) => console.log(line),
    });
    for (const line of reportLines(figures)) console.log(line);
  } finally {
    // The SDK ends its pools asynchronously; a forced drop before that would
    // make its clients throw. Wait for the database to be idle first.
    for (let i = 0; i < 200; i++) {
      const { rows } = await setup.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1",
        [name],
      );
      if ((rows[0]?.n ?? 0) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await setup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await setup.end();
    await cluster?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
