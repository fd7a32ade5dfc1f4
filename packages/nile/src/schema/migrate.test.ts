import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database.js";
import { MIGRATIONS, migrate, TENANT_AWARE_TABLES } from "../index.js";
import { POSTGRES_BUILTINS } from "./postgres-builtins.js";

const run = promisify(execFile);
const opened: { pool: pg.Pool; db: TestDatabase }[] = [];

/** An empty database (no template), its schema owned by the owner role, which migrates. */
async function emptyDatabase(): Promise<{ app: pg.Pool; superuser: pg.Pool; url: string }> {
  const base = await createTestDatabase();
  const admin = new pg.Pool({ connectionString: base.superuserUrl, max: 1 });
  // Drop what the template put there: start from nothing.
  await admin.query("DROP SCHEMA public CASCADE; DROP SCHEMA users CASCADE; CREATE SCHEMA public");
  await admin.query("ALTER SCHEMA public OWNER TO rookery_owner");
  const app = new pg.Pool({ connectionString: base.ownerUrl, max: 4 });
  opened.push({ pool: app, db: base }, { pool: admin, db: base });
  return { app, superuser: admin, url: base.ownerUrl };
}

afterAll(async () => {
  for (const { pool } of opened) await pool.end();
  for (const db of new Set(opened.map((o) => o.db))) await db.drop();
});

const postgresIds = MIGRATIONS.filter((m) => m.modes.includes("postgres")).map((m) => m.id);

describe("migrate", () => {
  it("applies every migration once; a second run applies nothing", async () => {
    const { app } = await emptyDatabase();
    const first = (await migrate({ pool: app, mode: "postgres" }))._unsafeUnwrap();
    expect(first.applied).toEqual(postgresIds);
    const second = (await migrate({ pool: app, mode: "postgres" }))._unsafeUnwrap();
    expect(second).toEqual({ mode: "postgres", applied: [], alreadyApplied: postgresIds });
  });

  it("is safe from two processes at once: one applies, the other finds it done", async () => {
    const { app, url } = await emptyDatabase();
    const other = new pg.Pool({ connectionString: url, max: 1 });
    try {
      const [a, b] = await Promise.all([
        migrate({ pool: app, mode: "postgres" }),
        migrate({ pool: other, mode: "postgres" }),
      ]);
      const applied = [a._unsafeUnwrap().applied, b._unsafeUnwrap().applied];
      expect(applied.flat().sort()).toEqual([...postgresIds].sort());
      expect(applied.some((ids) => ids.length === 0)).toBe(true);
    } finally {
      await other.end();
    }
  });

  it("refuses to switch a database from one mode to the other", async () => {
    const { app } = await emptyDatabase();
    (await migrate({ pool: app, mode: "postgres" }))._unsafeUnwrap();
    const refusal = (await migrate({ pool: app, mode: "nile" }))._unsafeUnwrapErr();
    expect(refusal.message).toMatch(/postgres mode/);
  });

  it("grants the runtime role data privileges only: no TRUNCATE, no ownership, and app tables to come", async () => {
    const { app, superuser } = await emptyDatabase();
    const report = (
      await migrate({ pool: app, mode: "postgres", runtimeRole: "rookery_app" })
    )._unsafeUnwrap();
    expect(report.runtimeRole).toBe("rookery_app");
    await app.query(
      "CREATE TABLE app_later (tenant_id uuid NOT NULL, id serial, PRIMARY KEY (tenant_id, id))",
    );
    const privileges = await superuser.query<{ table: string; privileges: string }>(
      `SELECT c.oid::regclass::text AS table,
              concat_ws(',', CASE WHEN has_table_privilege('rookery_app', c.oid, 'SELECT') THEN 'select' END,
                CASE WHEN has_table_privilege('rookery_app', c.oid, 'INSERT') THEN 'insert' END,
                CASE WHEN has_table_privilege('rookery_app', c.oid, 'UPDATE') THEN 'update' END,
                CASE WHEN has_table_privilege('rookery_app', c.oid, 'DELETE') THEN 'delete' END,
                CASE WHEN has_table_privilege('rookery_app', c.oid, 'TRUNCATE') THEN 'truncate' END,
                CASE WHEN pg_has_role('rookery_app', c.relowner, 'MEMBER') THEN 'owner' END) AS privileges
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind = 'r' AND n.nspname IN ('public', 'users') ORDER BY 1`,
    );
    const byTable = Object.fromEntries(privileges.rows.map((r) => [r.table, r.privileges]));
    expect(byTable.rookery_migrations).toBe("select");
    for (const table of ["tenants", "users.tenant_users", "rookery_workspaces", "app_later"]) {
      expect(byTable[table], table).toBe("select,insert,update,delete");
    }
    const sequence = await superuser.query<{ usable: boolean }>(
      "SELECT has_sequence_privilege('rookery_app', 'app_later_id_seq', 'USAGE') AS usable",
    );
    expect(sequence.rows[0]?.usable).toBe(true);
  });

  it("refuses a runtime role that does not exist, or that is the migrating role itself", async () => {
    const { app } = await emptyDatabase();
    const missing = await migrate({ pool: app, mode: "postgres", runtimeRole: "no_such_role" });
    expect(missing._unsafeUnwrapErr().code).toBe("CONFIGURATION");
    const self = await migrate({ pool: app, mode: "postgres", runtimeRole: "rookery_owner" });
    expect(self._unsafeUnwrapErr().message).toMatch(/another role/);
  });

  it("the CLI migrates from --url and reports what it did", async () => {
    const { url } = await emptyDatabase();
    const cli = resolve(import.meta.dirname, "..", "cli.ts");
    const fromSource = ["--conditions=@rookery/source", "--import", "tsx"];
    const args = [...fromSource, cli, "migrate", "--mode", "postgres", "--url", url];
    const first = await run(process.execPath, [...args, "--runtime-role", "rookery_app"]);
    expect(first.stdout).toContain(`postgres mode: ${postgresIds.length} applied`);
    expect(first.stdout).toContain("granted data privileges to rookery_app");
    const second = await run(process.execPath, args);
    expect(second.stdout).toContain(`0 applied, ${postgresIds.length} already applied`);
  });
});

describe("the NileDB-mode schema keeps NileDB's rules", async () => {
  const { app, superuser } = await emptyDatabase();
  // Stand-ins for the built-ins NileDB provides, created outside the migrations.
  for (const sql of POSTGRES_BUILTINS) await app.query(sql);
  const report = await migrate({ pool: app, mode: "nile" });
  const q = async (sql: string) => (await superuser.query(sql)).rows;
  const tenantTables = `SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname IN ('public', 'users')
      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id')`;

  it("applies only the migrations of both modes", () => {
    expect(report._unsafeUnwrap().applied).toEqual([
      "0002_rookery_tables",
      "0005_drop_idempotency_keys",
      "0006_user_subjects",
      "0007_invitations",
      "0009_outbox",
      "0010_operators",
    ]);
  });

  it("creates no policy, trigger, function or sequence", async () => {
    expect(await q("SELECT polname FROM pg_policy")).toEqual([]);
    expect(await q("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")).toEqual([]);
    const fns = `SELECT proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname IN ('public', 'users')`;
    expect(await q(fns)).toEqual([]);
    expect(await q("SELECT relname FROM pg_class WHERE relkind = 'S'")).toEqual([]);
  });

  it("finds every tenant-aware table, so the checks below have tables to check", async () => {
    const tables = await q(`SELECT oid::regclass::text AS name FROM pg_class
      WHERE oid IN (${tenantTables})`);
    expect(tables.map((t) => t.name).sort()).toEqual([...TENANT_AWARE_TABLES].sort());
  });

  it("puts tenant_id first in every key and index of a tenant-aware table", async () => {
    const offenders = await q(`SELECT i.indexrelid::regclass::text AS index FROM pg_index i
      WHERE i.indrelid IN (${tenantTables})
        AND (SELECT attname FROM pg_attribute WHERE attrelid = i.indrelid AND attnum = i.indkey[0]) <> 'tenant_id'`);
    expect(offenders).toEqual([]);
  });

  it("gives tenant-aware tables foreign keys only to tenants or through tenant_id", async () => {
    const fks =
      await q(`SELECT conrelid::regclass::text AS source, confrelid::regclass::text AS target,
        (SELECT attname FROM pg_attribute WHERE attrelid = conrelid AND attnum = conkey[1]) AS first
      FROM pg_constraint WHERE contype = 'f' AND conrelid IN (${tenantTables})`);
    expect(fks.length).toBeGreaterThan(0);
    for (const fk of fks) {
      expect(fk.first, `${fk.source} -> ${fk.target}`).toBe("tenant_id");
      expect(["tenants", "rookery_workspaces"]).toContain(fk.target);
    }
  });

  it("keeps the claims table shared: no tenant_id column", async () => {
    const cols = await q(`SELECT attname FROM pg_attribute
      WHERE attrelid = 'rookery_tenant_claims'::regclass AND attnum > 0`);
    expect(cols.map((c) => c.attname)).not.toContain("tenant_id");
  });
});
