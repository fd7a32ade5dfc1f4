import { expectOk, type TenancyWorld, tenancyWorld } from "@rookery/testing";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";
import { TENANT_AWARE_TABLES } from "./index.js";

/**
 * Tenant-aware tables that no public API writes, seeded with a raw INSERT as
 * the superuser so that their row security is proven all the same. A test
 * below fails when an entry names a table that no longer exists.
 */
const RAW_SEEDS: Readonly<Record<string, string>> = {};

const env: OpenDatabase = await openDatabase();
afterAll(() => env.close());

/**
 * Every table with a tenant_id column in any schema but PostgreSQL's own, read
 * from the catalog: a table added later is covered without editing this file.
 */
const TABLES = (
  await env.superuser.query<{ name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
     WHERE c.relkind IN ('r', 'p')
       AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
     ORDER BY 1`,
  )
).rows.map((row) => row.name);

const qualified = (table: string) => (table.includes(".") ? table : `public.${table}`);

let world: TenancyWorld;
let tenantA: string;
let tenantB: string;

beforeAll(async () => {
  // Two tenants through the public API: memberships, subscription, settings, workspaces,
  // an assignment, resources and audit events; then a workspace's settings override each.
  world = await tenancyWorld(env.adapter);
  tenantA = world.a.tenantId;
  tenantB = world.b.tenantId;
  for (const t of [world.a, world.b]) {
    const override = await t.as.owner.settings.overrideForWorkspace(t.ws1, { signature: "Hi" });
    expectOk(override, "overriding a workspace's settings");
    for (const [table, insert] of Object.entries(RAW_SEEDS)) {
      if (TABLES.includes(table)) await env.superuser.query(insert, [t.tenantId]);
    }
  }
});

/** Runs `body` on one connection of the application role, in a transaction that is rolled back. */
async function asApp<T>(tenant: string | null, body: (client: pg.PoolClient) => Promise<T>) {
  const client = await env.app.connect();
  try {
    await client.query("BEGIN");
    if (tenant !== null) {
      await client.query("SELECT set_config('nile.tenant_id', $1, true)", [tenant]);
    }
    return await body(client);
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

/** The tenant ids of a table's rows, as the superuser (who bypasses RLS) sees them. */
const storedTenants = async (table: string, onlyOf?: string) =>
  (
    await env.superuser.query<{ tenant_id: string }>(
      `SELECT tenant_id FROM ${table} WHERE $1::uuid IS NULL OR tenant_id = $1::uuid`,
      [onlyOf ?? null],
    )
  ).rows.map((row) => row.tenant_id);

describe("fail closed (PostgreSQL mode, ordinary role)", () => {
  it("the catalog lists every table the adapter declares tenant-aware", () => {
    expect(TABLES).toEqual(expect.arrayContaining(TENANT_AWARE_TABLES.map(qualified)));
  });

  it("every raw seed names a tenant-aware table that still exists", () => {
    expect(Object.keys(RAW_SEEDS).filter((table) => !TABLES.includes(table))).toEqual([]);
  });

  it("the seed stored rows of both tenants in every tenant-aware table (seen by the superuser)", async () => {
    const seen: Record<string, string[]> = {};
    for (const table of TABLES) seen[table] = [...new Set(await storedTenants(table))].sort();
    const both = [tenantA, tenantB].sort();
    expect(seen).toEqual(Object.fromEntries(TABLES.map((table) => [table, both])));
  });

  it.each(TABLES)("with no tenant set, %s returns no rows", async (table) => {
    const visible = await asApp(null, (c) => c.query(`SELECT tenant_id FROM ${table}`));
    expect(visible.rows).toEqual([]);
  });

  it.each(TABLES)(
    "with tenant A set, %s shows exactly A's rows and none can be moved to B",
    async (table) => {
      const own = await storedTenants(table, tenantA);
      expect(own.length).toBeGreaterThan(0);
      const visible = await asApp(tenantA, (c) => c.query(`SELECT tenant_id FROM ${table}`));
      expect(visible.rows.map((row) => row.tenant_id)).toEqual(own);
      const moved = asApp(tenantA, (c) =>
        c.query(`UPDATE ${table} SET tenant_id = $1 WHERE tenant_id = $2`, [tenantB, tenantA]),
      );
      await expect(moved).rejects.toThrow(/row-level security/);
    },
  );

  it.each(TABLES)("a tenant id that is not a UUID makes %s fail, not widen", async (table) => {
    const read = asApp("' OR 1=1 --", (c) => c.query(`SELECT count(*) FROM ${table}`));
    await expect(read).rejects.toThrow(/uuid/);
  });

  it("a row for B cannot be written with tenant A set", async () => {
    const write = asApp(tenantA, (c) =>
      c.query(
        `INSERT INTO rookery_tenant_settings (tenant_id, data, created_at, updated_at)
         VALUES ($1, '{}', now(), now())`,
        [tenantB],
      ),
    );
    await expect(write).rejects.toThrow(/row-level security/);
  });

  it("after a unit, the pooled connection carries no tenant", async () => {
    // Use every pooled connection for a unit first, then query raw on them.
    const units = await Promise.all(
      Array.from({ length: 10 }, () =>
        env.adapter.tenant(tenantA as never, (u) => u.memberships.count()),
      ),
    );
    for (const unit of units) expect(expectOk(unit)).toBeGreaterThan(0);
    const counts = await Promise.all(
      Array.from({ length: 10 }, () =>
        env.app.query<{ n: number; t: string | null }>(
          "SELECT count(*)::int AS n, current_setting('nile.tenant_id', true) AS t FROM users.tenant_users",
        ),
      ),
    );
    for (const { rows } of counts) {
      expect(rows[0]?.n).toBe(0);
      expect(rows[0]?.t ?? "").toBe("");
    }
  });
});
