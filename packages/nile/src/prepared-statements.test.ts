import { fixtures, seedTenant } from "@rookery/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database.js";
import { nileAdapter } from "./index.js";

let db: TestDatabase;
const f = fixtures();
const pools: pg.Pool[] = [];
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  for (const pool of pools) await pool.end();
  await db.drop();
});

/** A pipelined pool of ONE connection, so what is counted on it is the units' own. */
function onePool(): pg.Pool {
  const pool = new pg.Pool({ connectionString: db.appUrl, max: 1, pipeline: true });
  pool.on("error", () => {});
  pools.push(pool);
  return pool;
}

const prepared = async (pool: pg.Pool) => {
  const { rows } = await pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE 'rookery\\_%'",
  );
  return rows[0]?.n ?? -1;
};

describe("Rookery's own statements", () => {
  it("run as named prepared statements by default, and not with preparedStatements: false", async () => {
    const pool = onePool();
    const adapter = nileAdapter({ pool })._unsafeUnwrap();
    const tenant = (await seedTenant(adapter, f)).tenant.id;
    const count = (a: typeof adapter) =>
      a.tenant(tenant, (u) => u.memberships.count(), { intent: "read" });
    const members = (await count(adapter))._unsafeUnwrap();
    expect(members).toBeGreaterThan(0);
    expect(await prepared(pool)).toBeGreaterThan(0);

    const plain = onePool();
    const unprepared = nileAdapter({ pool: plain, preparedStatements: false })._unsafeUnwrap();
    expect((await count(unprepared))._unsafeUnwrap()).toBe(members);
    expect(await prepared(plain)).toBe(0);
  });

  it("a connection whose statements something deallocated fails one unit as UNAVAILABLE, then is replaced", async () => {
    const pool = onePool();
    const adapter = nileAdapter({ pool })._unsafeUnwrap();
    const tenant = (await seedTenant(adapter, f)).tenant.id;
    const count = () => adapter.tenant(tenant, (u) => u.memberships.count(), { intent: "read" });
    const members = (await count())._unsafeUnwrap();
    await pool.query("DEALLOCATE ALL");
    expect((await count())._unsafeUnwrapErr().code).toBe("UNAVAILABLE");
    expect((await count())._unsafeUnwrap()).toBe(members);
  });
});
