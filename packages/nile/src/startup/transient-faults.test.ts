import { fixtures } from "@rookery/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../../test-support/open-database.js";
import { nileAdapter } from "../index.js";

let env: OpenDatabase;
const pools: pg.Pool[] = [];
const f = fixtures();

beforeAll(async () => {
  env = await openDatabase({ max: 2 });
});
afterAll(async () => {
  for (const pool of pools) await pool.end();
  await env.close();
});

const appPool = (options: pg.PoolConfig = {}) => {
  const pool = new pg.Pool({ connectionString: env.db.appUrl, max: 2, pipeline: true, ...options });
  pool.on("error", () => {});
  pools.push(pool);
  return pool;
};

/** Holds an exclusive lock on the migrations record until released. */
async function lockMigrations() {
  const holder = await env.superuser.connect();
  await holder.query("BEGIN");
  await holder.query("LOCK TABLE public.rookery_migrations IN ACCESS EXCLUSIVE MODE");
  return async () => {
    await holder.query("ROLLBACK");
    holder.release();
  };
}

/** Waits (on the database's own word, not a clock) until a backend waits for a lock. */
async function lockWaiter(): Promise<number> {
  for (;;) {
    const { rows } = await env.superuser.query<{ pid: number }>(
      `SELECT pid FROM pg_locks WHERE NOT granted AND relation = 'public.rookery_migrations'::regclass`,
    );
    if (rows[0] !== undefined) return rows[0].pid;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const insertTenant = (adapter: ReturnType<typeof nileAdapter>) =>
  adapter._unsafeUnwrap().platform((u) => u.tenants.insert(f.tenant()));

describe("a passing fault during the start-up check is retried, never kept as a refusal", () => {
  it("a lock timeout while reading the migrations is UNAVAILABLE, and the next unit runs", async () => {
    const adapter = nileAdapter({ pool: appPool({ lock_timeout: 200 }) });
    const release = await lockMigrations();
    try {
      const during = await adapter._unsafeUnwrap().verify();
      expect(during._unsafeUnwrapErr().code).toBe("UNAVAILABLE");
      expect((await insertTenant(adapter))._unsafeUnwrapErr().code).toBe("UNAVAILABLE");
    } finally {
      await release();
    }
    expect((await insertTenant(adapter)).isOk()).toBe(true);
  });

  it("a backend killed during the check is UNAVAILABLE, and the next unit runs", async () => {
    const adapter = nileAdapter({ pool: appPool() });
    const release = await lockMigrations();
    try {
      const checking = adapter._unsafeUnwrap().verify();
      await env.superuser.query("SELECT pg_terminate_backend($1)", [await lockWaiter()]);
      expect((await checking)._unsafeUnwrapErr().code).toBe("UNAVAILABLE");
    } finally {
      await release();
    }
    expect((await insertTenant(adapter)).isOk()).toBe(true);
  });
});
