import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../../test-support/open-database.js";
import { roleUrl } from "../../test-support/urls.js";
import { nileAdapter, rowSecurityStatements } from "../index.js";

let env: OpenDatabase;
const pools: pg.Pool[] = [];
const poolFor = (url: string) => {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on("error", () => {});
  pools.push(pool);
  return pool;
};

beforeAll(async () => {
  env = await openDatabase();
});
afterAll(async () => {
  for (const pool of pools) await pool.end();
  await env.close();
});

describe("start-up checks (PostgreSQL mode)", () => {
  it("pass for the runtime role the migration granted data privileges to", async () => {
    expect((await env.adapter.verify()).isOk()).toBe(true);
  });

  it("refuse a superuser, and every unit of work fails with the same error", async () => {
    const adapter = nileAdapter({ pool: poolFor(env.db.superuserUrl) })._unsafeUnwrap();
    const refusal = (await adapter.verify())._unsafeUnwrapErr();
    expect(refusal.code).toBe("CONFIGURATION");
    expect(refusal.message).toMatch(/superuser/);
    const unit = await adapter.platform((u) => u.tenants.list({ limit: 1 }), { intent: "read" });
    expect(unit._unsafeUnwrapErr().message).toBe(refusal.message);
  });

  it("refuse a superuser in NileDB mode too: on plain PostgreSQL it would read every tenant", async () => {
    const adapter = nileAdapter({
      pool: poolFor(env.db.superuserUrl),
      mode: "nile",
    })._unsafeUnwrap();
    const refusal = (await adapter.verify())._unsafeUnwrapErr();
    expect(refusal.code).toBe("CONFIGURATION");
    expect(refusal.message).toMatch(/superuser/);
    const read = await adapter.platform((u) => u.tenants.list({ limit: 1 }), { intent: "read" });
    expect(read._unsafeUnwrapErr().code).toBe("CONFIGURATION");
  });

  it("refuse a connection whose DateStyle is not ISO, in both modes, naming the setting", async () => {
    for (const mode of ["postgres", "nile"] as const) {
      const pool = new pg.Pool({
        connectionString: env.db.appUrl,
        max: 1,
        options: "-c DateStyle=SQL,DMY",
      });
      pool.on("error", () => {});
      pools.push(pool);
      const adapter = nileAdapter({ pool, mode })._unsafeUnwrap();
      const refusal = (await adapter.verify())._unsafeUnwrapErr();
      expect(refusal.code).toBe("CONFIGURATION");
      expect(refusal.message).toMatch(/DateStyle is "SQL, DMY"/);
    }
  });

  it("refuse connections that start in a tenant's context, in both modes: what runs outside a unit would see that tenant", async () => {
    const tenant = "00000000-0000-7000-8000-0000000000b7";
    await env.superuser.query("INSERT INTO tenants (id, name) VALUES ($1, 'Preset')", [tenant]);
    await env.superuser.query(
      "INSERT INTO rookery_workspaces (tenant_id, id, name, status, created_at, updated_at) VALUES ($1, $1, 'Theirs', 'active', now(), now())",
      [tenant],
    );
    const pool = new pg.Pool({
      connectionString: env.db.appUrl,
      max: 1,
      options: `-c nile.tenant_id=${tenant}`,
    });
    pool.on("error", () => {});
    pools.push(pool);
    // What a context-free query on such a pool sees, where one on a proper pool sees nothing.
    const count = "SELECT count(*)::int AS n FROM rookery_workspaces";
    expect((await pool.query<{ n: number }>(count)).rows[0]?.n).toBe(1);
    expect((await env.app.query<{ n: number }>(count)).rows[0]?.n).toBe(0);
    for (const mode of ["postgres", "nile"] as const) {
      const refusal = (
        await nileAdapter({ pool, mode })._unsafeUnwrap().verify()
      )._unsafeUnwrapErr();
      expect(refusal.code).toBe("CONFIGURATION");
      expect(refusal.message).toMatch(/start with nile\.tenant_id set/);
    }
  });

  it("refuse a BYPASSRLS role", async () => {
    await env.superuser.query(
      "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rookery_bypass') THEN CREATE ROLE rookery_bypass LOGIN BYPASSRLS PASSWORD 'bypass'; END IF; END $$",
    );
    const url = roleUrl(env.db.superuserUrl, "rookery_bypass", "bypass");
    const adapter = nileAdapter({ pool: poolFor(url) })._unsafeUnwrap();
    const refusal = (await adapter.verify())._unsafeUnwrapErr();
    expect(refusal.message).toMatch(/BYPASSRLS/);
  });

  it("refuse a tenant-aware table without its forced policy, and accept it once guarded", async () => {
    await env.owner.query(
      `CREATE TABLE app_campaign_stats (tenant_id uuid NOT NULL REFERENCES tenants (id),
         id uuid NOT NULL, sent integer NOT NULL, PRIMARY KEY (tenant_id, id))`,
    );
    const adapter = nileAdapter({ pool: env.app })._unsafeUnwrap();
    const refusal = (await adapter.verify())._unsafeUnwrapErr();
    expect(refusal.message).toMatch(/app_campaign_stats/);
    for (const sql of rowSecurityStatements("app_campaign_stats")._unsafeUnwrap()) {
      await env.owner.query(sql);
    }
    const fresh = nileAdapter({ pool: env.app })._unsafeUnwrap();
    expect((await fresh.verify()).isOk()).toBe(true);
  });

  it("refuse a database that was never migrated", async () => {
    const raw = `${env.db.name}_raw`;
    await env.superuser.query(`CREATE DATABASE ${raw} OWNER rookery_owner`);
    try {
      const url = env.db.appUrl.replace(`/${env.db.name}`, `/${raw}`);
      const pool = poolFor(url);
      const refusal = (await nileAdapter({ pool })._unsafeUnwrap().verify())._unsafeUnwrapErr();
      expect(refusal.message).toMatch(/rookery migrate/);
      await pool.end();
      pools.splice(pools.indexOf(pool), 1);
    } finally {
      await env.superuser.query(`DROP DATABASE ${raw} WITH (FORCE)`);
    }
  });

  it("validate the configuration with zod", () => {
    const bad = nileAdapter({ pool: {} as pg.Pool });
    expect(bad._unsafeUnwrapErr().code).toBe("VALIDATION");
    expect(rowSecurityStatements("x; DROP TABLE tenants")._unsafeUnwrapErr().code).toBe(
      "VALIDATION",
    );
  });
});
