import type { Server } from "@niledatabase/server";
import type { RookeryError, TenantId } from "@rookery/core";
import { fixtures } from "@rookery/testing";
import type { Result } from "neverthrow";
import type pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { nileServer } from "../test-support/nile-server.js";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";
import { type UnitSql, unitSql } from "../test-support/unit-sql.js";
import { type NileAdapter, nileAdapter } from "./index.js";

const WAITING = 29;
let env: OpenDatabase;
let tenantId: TenantId;
let nile: Server;
let adapter: NileAdapter;
let holder: pg.PoolClient | undefined;

beforeAll(async () => {
  env = await openDatabase();
  const tenant = fixtures().tenant();
  (await env.adapter.platform((u) => u.tenants.insert(tenant)))._unsafeUnwrap();
  tenantId = tenant.id;
});
afterEach(async () => {
  holder?.release();
  holder = undefined;
  nile?.db.clearConnections();
});
afterAll(() => env.close());

/** The SDK's own pool with ONE connection, as `nileAdapter({ nile })` uses it (NileDB mode). */
async function nileMode(options: { connectionTimeoutMillis?: number } = {}) {
  nile = nileServer(env.db.appUrl, { pipeline: true, max: 1, ...options });
  adapter = nileAdapter({ nile })._unsafeUnwrap();
  (await adapter.verify())._unsafeUnwrap();
}

/** One unit whose statement fails as `fault` makes it fail, and WAITING more queued behind it. */
async function faultWithQueue(fault: (sql: UnitSql) => Promise<Result<unknown, RookeryError>>) {
  const failing = adapter.tenant(tenantId, async (u) => fault(unitSql(u)._unsafeUnwrap()));
  const waiting = Array.from({ length: WAITING }, () =>
    adapter.tenant(tenantId, (u) => u.workspaces.count(), { intent: "read" }),
  );
  // A hang here is the failure: the test's own timeout ends it.
  return { failed: await failing, waited: await Promise.all(waiting) };
}

describe("NileDB mode: a failed statement does not strand the units waiting for the pool", () => {
  it.each([
    [
      "a lock timeout (55P03)",
      "SELECT set_config('lock_timeout', '100', true)",
      "SELECT pg_advisory_xact_lock(4242)",
    ],
    [
      "a statement timeout (57014)",
      "SELECT set_config('statement_timeout', '100', true)",
      "SELECT pg_sleep(30)",
    ],
  ])(
    "%s rolls back and reuses the connection; every waiting unit settles",
    async (_, limit, wait) => {
      await nileMode();
      holder = await env.superuser.connect();
      await holder.query("SELECT pg_advisory_lock(4242)");
      const { failed, waited } = await faultWithQueue(async (sql) => {
        await sql.query(limit);
        return sql.query(wait);
      });
      expect(failed._unsafeUnwrapErr().code).toBe("UNAVAILABLE");
      expect(waited.map((r) => r._unsafeUnwrap())).toEqual(Array(WAITING).fill(0));
    },
  );

  // The SDK ends its whole pool when one of its connections reports an error
  // (its own listener does, whatever Rookery does), and pg's pool never
  // settles the checkouts still waiting on an ended pool. Only a checkout
  // timeout on the SDK's pool gets them out: docs/nile.md tells NileDB users
  // to set one.
  it("a backend killed mid-unit: with a checkout timeout, every waiting unit settles", async () => {
    await nileMode({ connectionTimeoutMillis: 3_000 });
    const { failed, waited } = await faultWithQueue(async (sql) => {
      const [row] = (
        await sql.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")
      )._unsafeUnwrap();
      await env.superuser.query("SELECT pg_terminate_backend($1)", [row?.pid]);
      return sql.query("SELECT 1");
    });
    expect(failed._unsafeUnwrapErr().code).toBe("UNAVAILABLE");
    for (const result of waited) {
      if (result.isErr()) expect(result.error.code).toBe("UNAVAILABLE");
    }
  });
});
