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
const OWNER = "app_owner";

/**
 * Starts a throwaway cluster (test-support) with the two roles docs/nile.md
 * sets up (an owner that migrates, a runtime role the adapter connects as),
 * migrates through the public API, and opens the application's pool exactly
 * as the docs set it up, `pool.on("error")` included and nothing more, so
 * that the campaign proves the documented setup.
 */
export async function openFaultCluster(): Promise<FaultCluster> {
  const cluster: ThrowawayCluster = await startThrowawayCluster();
  const admin = new pg.Client({ connectionString: cluster.superuserUrl });
  await admin.connect();
  for (const role of [OWNER, ROLE]) {
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${role}' NOSUPERUSER NOBYPASSRLS`);
  }
  await admin.query(`CREATE DATABASE ${ROLE} OWNER ${OWNER}`);
  await admin.end();
  const urlAs = (role: string) => `postgres://${role}:${role}@127.0.0.1:${cluster.port}/${ROLE}`;
  const appUrl = urlAs(ROLE);
  const superuserUrl = databaseUrl(cluster.superuserUrl, ROLE);

  // The documented setup, verbatim (docs/nile.md, "Plain PostgreSQL"): the owner migrates and
  // grants the runtime role its data privileges; the application connects as the runtime role.
  const owner = new pg.Pool({ connectionString: urlAs(OWNER), max: 1 });
  (await migrate({ pool: owner, mode: "postgres", runtimeRole: ROLE }))._unsafeUnwrap();
  await owner.end();
  const pool = new pg.Pool({ connectionString: appUrl, max: 10, pipeline: true });
  pool.on("error", () => {}); // idle clients the server drops are reported here, then replaced
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
