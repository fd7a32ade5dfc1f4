import type { ScopedSql } from "@rookery/core";
import { fixtures, type TenancyWorld, tenancyWorld } from "@rookery/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";
import { whileWriteUnitOpen } from "../test-support/while-write-unit-open.js";
import { nileAdapter, rowSecurityStatements } from "./index.js";

const ROW_SECRET = "row-secret-4711";
let env: OpenDatabase;
let world: TenancyWorld;
let lockWaiting: pg.Pool;
const _f = fixtures();

beforeAll(async () => {
  env = await openDatabase();
  await env.owner.query(`CREATE TABLE app_checked (
    tenant_id uuid NOT NULL REFERENCES tenants (id), secret text NOT NULL,
    n integer NOT NULL CHECK (n > 0), PRIMARY KEY (tenant_id, secret))`);
  for (const sql of rowSecurityStatements("app_checked")._unsafeUnwrap()) {
    await env.owner.query(sql);
  }
  world = await tenancyWorld(env.adapter);
  // Pipelined, and giving up on a lock after 200 ms.
  lockWaiting = new pg.Pool({
    connectionString: env.db.appUrl,
    max: 1,
    pipeline: true,
    lock_timeout: 200,
  });
  lockWaiting.on("error", () => {});
});
afterAll(async () => {
  await lockWaiting.end();
  await env.close();
});

const refusedRow = (db: ScopedSql) =>
  db.query("INSERT INTO app_checked (tenant_id, secret, n) VALUES ($1, $2, -1)", [
    db.tenantId,
    ROW_SECRET,
  ]);

describe("a unit reports the failure that caused it, never the follow-on one", () => {
  it("when the tenant-context statement itself is refused (its lock timed out)", async () => {
    const tenantId = world.a.tenantId;
    const other = nileAdapter({ pool: lockWaiting })._unsafeUnwrap();
    // Pipelined: BEGIN, the context and both statements leave together; the
    // statements are refused only because the context statement failed.
    const refused = await whileWriteUnitOpen(env.adapter, tenantId, () =>
      other.tenant(tenantId, async (u) => {
        const [listed, counted] = await Promise.all([
          u.workspaces.list({ limit: 5 }),
          u.workspaces.count(),
        ]);
        return listed.andThen(() => counted);
      }),
    );
    expect(refused._unsafeUnwrapErr().code).toBe("UNAVAILABLE");
  });

  it("when the work passes on the error of a statement queued behind the failed one", async () => {
    const result = await world.a.as.owner.sql(async (db) => {
      await refusedRow(db);
      return db.query("SELECT 1");
    });
    const error = result._unsafeUnwrapErr();
    expect(error.message).toMatch(/23514/);
    expect(error.message).not.toMatch(/25P02/);
  });
});

describe("errors that reach callers carry no row data", () => {
  it("a refused row's values are neither in the message nor in the JSON", async () => {
    const result = await world.a.as.owner.sql((db) => refusedRow(db));
    const error = result._unsafeUnwrapErr();
    expect(error.code).toBe("INTERNAL");
    expect(error.message).not.toContain(ROW_SECRET);
    expect(JSON.stringify(error)).not.toContain(ROW_SECRET);
    expect(JSON.stringify({ ...error })).not.toContain(ROW_SECRET);
  });
});
