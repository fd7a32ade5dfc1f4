import type { TenantId } from "@rookery/core";
import { uuidv7 } from "@rookery/core/adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MISPLACED_ROWS, rookeryLoad } from "../test-support/leak-load.js";
import { nileServer } from "../test-support/nile-server.js";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";
import { sdkLoad } from "../test-support/sdk-load.js";

const TENANTS = 50;
const UNITS = 2_000;

let env: OpenDatabase;
const tenants: TenantId[] = [];

beforeAll(async () => {
  env = await openDatabase({ max: 10 });
  const now = new Date().toISOString();
  for (let i = 0; i < TENANTS; i++) {
    const id = uuidv7() as TenantId;
    tenants.push(id);
    const row = { id, name: `Tenant ${i}`, status: "active" as const, deletedAt: null };
    const inserted = await env.adapter.platform((u) =>
      u.tenants.insert({ ...row, createdAt: now, updatedAt: now }),
    );
    inserted._unsafeUnwrap();
  }
});
afterAll(() => env.close());

const misplaced = async () =>
  (await env.superuser.query<{ n: number }>(MISPLACED_ROWS)).rows[0]?.n ?? -1;

describe("tenant context under concurrency", () => {
  it(`${UNITS} concurrent units over ${TENANTS} tenants on a pool of 10: zero foreign rows`, async () => {
    const tally = await rookeryLoad(env.adapter, tenants, UNITS);
    expect(tally).toEqual({ units: UNITS, foreignRowsSeen: 0, foreignWrites: 0, failures: 0 });
    expect(await misplaced()).toBe(0);
    const { rows } = await env.superuser.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM rookery_resources WHERE type = 'probe'",
    );
    expect(rows[0]?.n).toBe(UNITS);
    expect(env.app.totalCount).toBeLessThanOrEqual(10);
  });

  it("the same load through the SDK's withContext + nile.query: reported, not required to leak", async () => {
    const nile = nileServer(env.db.appUrl);
    const start = Date.now();
    const tally = await sdkLoad(nile, tenants, UNITS, 5_000);
    const { rows } = await env.superuser.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND usename = 'rookery_app'`,
      [env.db.name],
    );
    nile.db.clearConnections();
    console.log(
      `nile-sdk withContext path, ${UNITS} units over ${TENANTS} tenants: ${JSON.stringify(tally)}, ${rows[0]?.n} server connections, ${Date.now() - start} ms`,
    );
    // Nothing about a leak is asserted: the line above is the report.
    expect(tally.units).toBe(UNITS);
  });
});
