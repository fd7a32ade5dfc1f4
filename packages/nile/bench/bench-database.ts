import { migrate } from "@rookery/nile";
import pg from "pg";
import { startThrowawayCluster } from "../test-support/throwaway-cluster.js";

/** A fresh migrated database for one benchmark run, as the ordinary role and as a superuser. */
export interface BenchDatabase {
  readonly appUrl: string;
  readonly superuserUrl: string;
}

/**
 * Starts a throwaway PostgreSQL (or uses the superuser URL in
 * BENCH_DATABASE_URL), migrates a fresh database as an ordinary role, runs
 * `body`, and drops everything afterwards.
 */
export async function withBenchDatabase<T>(
  name: string,
  body: (db: BenchDatabase) => Promise<T>,
): Promise<T> {
  const external = process.env.BENCH_DATABASE_URL;
  const cluster = external === undefined ? await startThrowawayCluster() : undefined;
  const admin = external ?? cluster?.superuserUrl ?? "";
  const database = `${name}_${process.pid}`;
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
  await setup.query(`CREATE DATABASE ${database} OWNER rookery_bench_owner`);
  const superuserUrl = new URL(admin);
  superuserUrl.pathname = `/${database}`;
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
    return await body({ appUrl: appUrl.toString(), superuserUrl: superuserUrl.toString() });
  } finally {
    // The SDK ends its pools asynchronously; a forced drop before that would
    // make its clients throw. Wait for the database to be idle first.
    for (let i = 0; i < 200; i++) {
      const { rows } = await setup.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1",
        [database],
      );
      if ((rows[0]?.n ?? 0) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await setup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await setup.end();
    await cluster?.stop();
  }
}
