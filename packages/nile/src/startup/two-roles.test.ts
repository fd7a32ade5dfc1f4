import { type TenancyWorld, tenancyWorld } from "@rookery/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppNotes, seedNotes, storedNotes } from "../../test-support/app-notes.js";
import { type OpenDatabase, openDatabase } from "../../test-support/open-database.js";
import { unitSql } from "../../test-support/unit-sql.js";
import { nileAdapter, rowSecurityStatements } from "../index.js";

let env: OpenDatabase;
let world: TenancyWorld;
const pools: pg.Pool[] = [];
const poolOf = (url: string, max = 2) => {
  const pool = new pg.Pool({ connectionString: url, max, pipeline: true });
  pool.on("error", () => {});
  pools.push(pool);
  return pool;
};

beforeAll(async () => {
  env = await openDatabase();
  await createAppNotes(env.owner);
  world = await tenancyWorld(env.adapter);
  await seedNotes(env.superuser, world.b.tenantId, ["b1", "b2"]);
});
afterAll(async () => {
  for (const pool of pools) await pool.end();
  await env.close();
});

const unguardedTable = () =>
  env.owner.query(`CREATE TABLE app_late (tenant_id uuid NOT NULL REFERENCES tenants (id),
    id uuid NOT NULL, PRIMARY KEY (tenant_id, id))`);
const guard = async (table: string) => {
  for (const sql of rowSecurityStatements(table)._unsafeUnwrap()) await env.owner.query(sql);
};

describe("two roles: an owner that migrates, a runtime role with data privileges only", () => {
  it("refuses to run as the role that owns the schema", async () => {
    const adapter = nileAdapter({ pool: poolOf(env.db.ownerUrl) })._unsafeUnwrap();
    const refusal = (await adapter.verify())._unsafeUnwrapErr();
    expect(refusal.code).toBe("CONFIGURATION");
    expect(refusal.message).toMatch(/owns tenant-aware tables \(.*public\.app_notes/);
    const unit = await adapter.platform((u) => u.tenants.list({ limit: 1 }), { intent: "read" });
    expect(unit._unsafeUnwrapErr().code).toBe("CONFIGURATION");
  });

  it("allowSchemaOwner (development) turns the refusal into a warning", async () => {
    const warnings: string[] = [];
    const adapter = nileAdapter({
      pool: poolOf(env.db.ownerUrl),
      allowSchemaOwner: true,
      onWarning: (warning) => warnings.push(warning),
    })._unsafeUnwrap();
    const report = (await adapter.verify())._unsafeUnwrap();
    expect(report.role).toBe("rookery_owner");
    expect(warnings).toEqual([
      expect.stringMatching(/owns tenant-aware tables.*allowSchemaOwner/),
      expect.stringMatching(
        /may create objects in schema public \(as rookery_owner\).*allowSchemaOwner/,
      ),
    ]);
  });

  it("the runtime role's SQL can neither switch row security off nor TRUNCATE", async () => {
    const { a, b } = world;
    for (const statement of [
      "ALTER TABLE app_notes NO FORCE ROW LEVEL SECURITY",
      "ALTER TABLE app_notes DISABLE ROW LEVEL SECURITY",
      "DROP POLICY rookery_tenant_isolation ON app_notes",
      "TRUNCATE app_notes",
      "TRUNCATE public.tenants CASCADE",
    ]) {
      const result = await a.as.owner.sql((db) => db.query(statement));
      expect(result.isErr(), statement).toBe(true);
    }
    expect(await storedNotes(env.superuser, b.tenantId)).toEqual(["b1", "b2"]);
    const seen = await a.as.owner.sql((db) => db.query("SELECT body FROM app_notes"), {
      intent: "read",
    });
    expect(seen._unsafeUnwrap()).toEqual([]);
  });

  it("refuses a runtime role that was granted TRUNCATE on a tenant table", async () => {
    await env.owner.query("GRANT TRUNCATE ON app_notes TO rookery_app");
    try {
      const refusal = (
        await nileAdapter({ pool: env.app })._unsafeUnwrap().verify()
      )._unsafeUnwrapErr();
      expect(refusal.message).toMatch(/may TRUNCATE tenant-aware tables \(public\.app_notes\)/);
    } finally {
      await env.owner.query("REVOKE TRUNCATE ON app_notes FROM rookery_app");
    }
  });
});

describe("a schema that changes after start-up is checked again", () => {
  it("verify() runs the check again: a table created since is refused until it is guarded", async () => {
    const adapter = nileAdapter({ pool: env.app })._unsafeUnwrap();
    (await adapter.verify())._unsafeUnwrap();
    await unguardedTable();
    try {
      expect((await adapter.verify())._unsafeUnwrapErr().message).toMatch(/app_late/);
      const unit = await adapter.tenant(world.a.tenantId, (u) => u.workspaces.count(), {
        intent: "read",
      });
      expect(unit._unsafeUnwrapErr().code).toBe("CONFIGURATION");
      await guard("app_late");
      (await adapter.verify())._unsafeUnwrap();
    } finally {
      await env.owner.query("DROP TABLE app_late");
    }
  });

  it("units repeat the check in the background once it is older than recheckEveryMs", async () => {
    // Pool of 1: the background check takes the connection before the unit
    // that started it, so its verdict is in before the next unit asks.
    const adapter = nileAdapter({
      pool: poolOf(env.db.appUrl, 1),
      recheckEveryMs: 0,
    })._unsafeUnwrap();
    (await adapter.verify())._unsafeUnwrap();
    await unguardedTable();
    try {
      const count = () =>
        adapter.tenant(world.a.tenantId, (u) => u.workspaces.count(), { intent: "read" });
      await count();
      expect((await count())._unsafeUnwrapErr().message).toMatch(/app_late/);
    } finally {
      await env.owner.query("DROP TABLE app_late");
    }
  });

  it("a failure that suggests the schema changed makes the next unit wait for a new check", async () => {
    const adapter = nileAdapter({ pool: env.app })._unsafeUnwrap();
    (await adapter.verify())._unsafeUnwrap();
    await env.owner.query("DROP POLICY rookery_tenant_isolation ON app_notes");
    try {
      const write = await adapter.tenant(world.a.tenantId, (u) =>
        unitSql(u).asyncAndThen((sql) =>
          sql.query("INSERT INTO app_notes (tenant_id, body) VALUES ($1, 'x')", [world.a.tenantId]),
        ),
      );
      expect(write.isErr()).toBe(true);
      const next = await adapter.tenant(world.a.tenantId, (u) => u.workspaces.count(), {
        intent: "read",
      });
      expect(next._unsafeUnwrapErr().message).toMatch(/app_notes/);
    } finally {
      await guard("app_notes");
    }
    (await adapter.verify())._unsafeUnwrap();
  });
});
