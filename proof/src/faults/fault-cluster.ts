import { migrate, type NileAdapter, nileAdapter } from "@rookery/nile";
import pg from "pg";
import { inspector } from "../../../packages/nile/test-support/inspector.js";
import {
  startThrowawayCluster,
  type ThrowawayCluster,
} from "../../../packages/nile/test-support/throwaway-cluster.js";
import { databaseUrl } from "../../../packages/nile/test-support/urls.js";
import { type PostgresOracle, postgresOracle } from "../oracle/postgres-oracle.js";

/** A PostgreSQL of its own, which the fault campaign may kill and restart at will. */
export interface FaultCluster {
  readonly adapter: NileAdapter;
  readonly oracle: PostgresOracle;
  /** Terminates every backend of the application's role; answers how many. */
  kill(): Promise<number>;
  /** Stops the server (fast) and starts it again on the same port. */
  restart(): Promise<void>;
  empty(): Promise<void>;
  close(): Promise<void>;
}

const ROLE = "app";

/**
 * Starts a throwaway cluster (test-support), makes an ordinary role own a
 * database, migrates it through the public API, and opens the application's
 * pool exactly as docs/nile.md sets it up, `pool.on("error")` included and
 * nothing more, so that the campaign proves the documented setup.
 */
export async function openFaultCluster(): Promise<FaultCluster> {
  const cluster: ThrowawayCluster = await startThrowawayCluster();
  const admin = new pg.Client({ connectionString: cluster.superuserUrl });
  await admin.connect();
  await admin.query(`CREATE ROLE ${ROLE} LOGIN PASSWORD '${ROLE}' NOSUPERUSER NOBYPASSRLS`);
  await admin.query(`CREATE DATABASE ${ROLE} OWNER ${ROLE}`);
  await admin.end();
  const appUrl = `postgres://${ROLE}:${ROLE}@127.0.0.1:${cluster.port}/${ROLE}`;
  const superuserUrl = databaseUrl(cluster.superuserUrl, ROLE);

  // The documented setup, verbatim (docs/nile.md, "Plain PostgreSQL").
  const pool = new pg.Pool({ connectionString: appUrl, max: 10, pipeline: true });
  pool.on("error", () => {}); // idle clients the server drops are reported here, then replaced
  (await migrate({ pool, mode: "postgres" }))._unsafeUnwrap();
  const adapter = nileAdapter({ pool })._unsafeUnwrap();

  const superuser = new pg.Pool({ connectionString: superuserUrl, max: 2 });
  superuser.on("error", () => {});
  const oracle = await postgresOracle({ superuserUrl, appUrl });
  const inspect = inspector(superuser);
  return {
    adapter,
    oracle,
    kill: async () => {
      const { rows } = await superuser.query<{ n: number }>(
        `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
         WHERE datname = $1 AND usename = $2`,
        [ROLE, ROLE],
      );
      return rows[0]?.n ?? 0;
    },
    restart: () => cluster.restart(),
    empty: () => inspect.truncateAll(),
    close: async () => {
      await oracle.close();
      await superuser.end();
      await pool.end();
      await cluster.stop();
    },
  };
}
