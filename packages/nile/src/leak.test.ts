import type { ResourceId, TenantId } from "@rookery/core";
import { uuidv7 } from "@rookery/core/adapter";
import { expectOk } from "@rookery/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MISPLACED_ROWS, rookeryLoad } from "../test-support/leak-load.js";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";

// The same load through the SDK's withContext + nile.query is measured, not tested:
// `pnpm bench:nile` prints what it ran under (packages/nile/bench/sdk-context.ts).
const TENANTS = 50;
const UNITS = 2_000;
const POOL = 10;

let env: OpenDatabase;
const tenants: TenantId[] = [];

beforeAll(async () => {
  env = await openDatabase({ max: POOL });
  const now = new Date().toISOString();
  for (let i = 0; i < TENANTS; i++) {
    const id = uuidv7() as TenantId;
    tenants.push(id);
    const row = { id, name: `Tenant ${i}`, status: "active" as const, deletedAt: null };
    const inserted = await env.adapter.platform((u) =>
      u.tenants.insert({ ...row, createdAt: now, updatedAt: now }),
    );
    expectOk(inserted, `inserting tenant ${i}`);
    // A row per tenant before the load, so that every unit has other tenants' rows to leak.
    const probe = await env.adapter.tenant(id, (u) =>
      u.resources.insert({
        tenantId: id,
        id: uuidv7() as ResourceId,
        type: "probe",
        workspaceId: null,
        data: { writtenFor: id },
        version: 1,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      }),
    );
    expectOk(probe, `seeding tenant ${i}'s probe row`);
  }
});
afterAll(() => env.close());

const superuserCount = async (sql: string, params: unknown[] = []) =>
  (await env.superuser.query<{ n: number }>(sql, params)).rows[0]?.n ?? -1;

describe("tenant context under concurrency", () => {
  it(`${UNITS} concurrent units over ${TENANTS} tenants on a pool of ${POOL}: zero foreign rows`, async () => {
    const seeded = "SELECT count(DISTINCT tenant_id)::int AS n FROM rookery_resources";
    expect(await superuserCount(seeded)).toBe(TENANTS);
    const tally = await rookeryLoad(env.adapter, tenants, UNITS);
    expect(tally).toEqual({ units: UNITS, foreignRowsSeen: 0, foreignWrites: 0, failures: 0 });
    expect(await superuserCount(MISPLACED_ROWS)).toBe(0);
    const probes = "SELECT count(*)::int AS n FROM rookery_resources WHERE type = 'probe'";
    expect(await superuserCount(probes)).toBe(TENANTS + UNITS);
    // One shared pool: the adapter opened no connection of its own beside it.
    const connections = `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = $1 AND usename = 'rookery_app'`;
    expect(await superuserCount(connections, [env.db.name])).toBeLessThanOrEqual(POOL);
  });
});
