import type { ResourceId, TenantId } from "@rookery/core";
import { uuidv7 } from "@rookery/core/adapter";
import { expectOk } from "@rookery/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MISPLACED_ROWS, rookeryLoad } from "../../../packages/nile/test-support/leak-load.js";
import {
  type OpenDatabase,
  openDatabase,
} from "../../../packages/nile/test-support/open-database.js";
import { withDeadline } from "../support/bounded.js";
import { campaignSeed } from "../support/settings.js";
import { type ChaosTally, chaoticAdapter, seededRandom } from "./chaos.js";

// The nile package's leak test (2,000 units over 50 tenants) at scale, through
// the same load (test-support/leak-load.ts), with random delays and failing units.
const TENANTS = 100;
const UNITS = 10_000;
const POOL = 10;
const seed = campaignSeed();

let env: OpenDatabase;
const tenants: TenantId[] = [];

beforeAll(async () => {
  env = await openDatabase({ max: POOL });
  const now = new Date().toISOString();
  for (let i = 0; i < TENANTS; i++) {
    const id = uuidv7() as TenantId;
    tenants.push(id);
    const row = { id, name: `Tenant ${i}`, status: "active" as const, deletedAt: null };
    expectOk(
      await env.adapter.platform((u) =>
        u.tenants.insert({ ...row, createdAt: now, updatedAt: now }),
      ),
    );
    // A row per tenant before the load, so that every unit has other tenants' rows to leak.
    const probe = {
      tenantId: id,
      id: uuidv7() as ResourceId,
      type: "probe",
      workspaceId: null,
      data: { writtenFor: id },
      version: 1,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
    };
    expectOk(await env.adapter.tenant(id, (u) => u.resources.insert(probe)));
  }
}, 120_000);
afterAll(() => env?.close());

const count = async (sql: string, params: unknown[] = []) =>
  (await env.superuser.query<{ n: number }>(sql, params)).rows[0]?.n ?? -1;

describe("tenant context under concurrency, at scale", () => {
  it(`${UNITS} concurrent units over ${TENANTS} tenants on a pool of ${POOL}, with random delays and failing units: zero foreign rows`, {
    timeout: 15 * 60_000,
  }, async () => {
    const chaos: ChaosTally = { refused: 0, thrown: 0 };
    const adapter = chaoticAdapter(env.adapter, seededRandom(seed), chaos);
    const tally = await withDeadline(
      rookeryLoad(adapter, tenants, UNITS),
      10 * 60_000,
      "the leak load",
    );
    const failing = chaos.refused + chaos.thrown;
    console.log(
      `leak test: units: ${UNITS}, tenants: ${TENANTS}, pool: ${POOL}, seed: ${seed}, ` +
        `made to fail: ${failing}, foreign rows seen: ${tally.foreignRowsSeen}, ` +
        `foreign writes: ${tally.foreignWrites}, misplaced rows: ${await count(MISPLACED_ROWS)}`,
    );
    expect(failing).toBeGreaterThan(0);
    // Every failure is one the chaos made: no unit failed on its own.
    expect(tally).toEqual({
      units: UNITS,
      foreignRowsSeen: 0,
      foreignWrites: 0,
      failures: failing,
    });
    expect(await count(MISPLACED_ROWS)).toBe(0);
    // The failing units' writes rolled back: one probe per tenant, one per unit that succeeded.
    const probes = "SELECT count(*)::int AS n FROM rookery_resources WHERE type = 'probe'";
    expect(await count(probes)).toBe(TENANTS + UNITS - failing);
    // One shared pool, and every connection back in it carrying no tenant.
    const connections = `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = $1 AND usename = 'rookery_app'`;
    expect(await count(connections, [env.db.name])).toBeLessThanOrEqual(POOL);
    expect(env.app.waitingCount).toBe(0);
    const clients = await Promise.all(Array.from({ length: POOL }, () => env.app.connect()));
    try {
      for (const client of clients) {
        const { rows } = await client.query<{ tenant: string | null }>(
          "SELECT nullif(current_setting('nile.tenant_id', true), '') AS tenant",
        );
        expect(rows[0]?.tenant ?? null).toBeNull();
      }
    } finally {
      for (const client of clients) client.release();
    }
  });
});
