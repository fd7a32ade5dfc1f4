import { fixtures, seedTenant } from "@rookery/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";
import { TENANT_AWARE_TABLES } from "./index.js";

let env: OpenDatabase;
let tenantA: string;
let tenantB: string;

beforeAll(async () => {
  env = await openDatabase();
  const f = fixtures();
  tenantA = (await seedTenant(env.adapter, f)).tenant.id;
  tenantB = (await seedTenant(env.adapter, f)).tenant.id;
});
afterAll(() => env.close());

const countAll = async (table: string, tenant?: string) => {
  const client = await env.app.connect();
  try {
    await client.query("BEGIN");
    if (tenant !== undefined) {
      await client.query("SELECT set_config('nile.tenant_id', $1, true)", [tenant]);
    }
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    await client.query("COMMIT");
    return rows[0]?.n ?? -1;
  } finally {
    client.release();
  }
};

describe("fail closed (PostgreSQL mode, ordinary role)", () => {
  it("the seed really stored rows (seen by the superuser, who bypasses RLS)", async () => {
    const { rows } = await env.superuser.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM users.tenant_users",
    );
    expect(rows[0]?.n).toBeGreaterThan(0);
  });

  it.each(TENANT_AWARE_TABLES)("with no tenant set, %s returns no rows", async (table) => {
    expect(await countAll(table)).toBe(0);
  });

  it("after a unit, the pooled connection carries no tenant", async () => {
    // Use every pooled connection for a unit first, then query raw on them.
    await Promise.all(
      Array.from({ length: 10 }, () =>
        env.adapter.tenant(tenantA as never, (u) => u.memberships.count()),
      ),
    );
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

  it("with tenant A set, only A's rows are visible and B's cannot be written", async () => {
    const memberships = await countAll("users.tenant_users", tenantA);
    expect(memberships).toBeGreaterThan(0);
    const client = await env.app.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT set_config('nile.tenant_id', $1, true)", [tenantA]);
      const seen = await client.query<{ tenant_id: string }>(
        "SELECT DISTINCT tenant_id FROM users.tenant_users",
      );
      expect(seen.rows.map((r) => r.tenant_id)).toEqual([tenantA]);
      const write = client.query(
        `INSERT INTO rookery_tenant_settings (tenant_id, data, created_at, updated_at)
         VALUES ($1, '{}', now(), now())`,
        [tenantB],
      );
      await expect(write).rejects.toThrow(/row-level security/);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });

  it("a tenant id that is not a UUID in the context makes queries fail, not widen", async () => {
    const client = await env.app.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT set_config('nile.tenant_id', $1, true)", ["' OR 1=1 --"]);
      await expect(client.query("SELECT count(*) FROM rookery_workspaces")).rejects.toThrow(/uuid/);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });
});
