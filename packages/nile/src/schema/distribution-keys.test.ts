import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database.js";
import { migrate, SHARED_TABLES, TENANT_AWARE_TABLES } from "../index.js";
import { POSTGRES_BUILTINS } from "./postgres-builtins.js";

// docs/scaling.md: NileDB places each tenant's rows together, and Citus distributes tables by
// a column, only if `tenant_id` is in every key that must be checked within one place. Read
// from the catalog after migrating (never from a hand-kept list), for both modes: every primary
// key, unique constraint and unique index of a tenant-aware table includes tenant_id, and every
// foreign key touching one matches tenant_id to tenant_id (or to the tenants table's id).

interface Row {
  readonly table: string;
  readonly name: string;
  readonly columns: string[];
}

const opened: { pools: pg.Pool[]; db: TestDatabase }[] = [];
afterAll(async () => {
  for (const { pools, db } of opened) {
    for (const pool of pools) await pool.end();
    await db.drop();
  }
});

/** A database migrated in `mode` by the owner role; a superuser pool reads its catalog. */
async function migrated(mode: "postgres" | "nile"): Promise<pg.Pool> {
  const db = await createTestDatabase();
  const superuser = new pg.Pool({ connectionString: db.superuserUrl, max: 1 });
  const owner = new pg.Pool({ connectionString: db.ownerUrl, max: 1 });
  opened.push({ pools: [superuser, owner], db });
  if (mode === "nile") {
    // From nothing: NileDB provides its built-ins, which the test stands in for.
    await superuser.query(
      "DROP SCHEMA public CASCADE; DROP SCHEMA users CASCADE; CREATE SCHEMA public",
    );
    await superuser.query("ALTER SCHEMA public OWNER TO rookery_owner");
    for (const sql of POSTGRES_BUILTINS) await owner.query(sql);
  }
  (await migrate({ pool: owner, mode }))._unsafeUnwrap();
  return superuser;
}

const TABLES = `SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('public', 'users')`;
const TENANT_AWARE = `${TABLES} AND EXISTS (SELECT 1 FROM pg_attribute a
  WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)`;
const columnsOf = (rel: string, keys: string) =>
  `ARRAY(SELECT a.attname::text FROM unnest(${keys}) WITH ORDINALITY k(attnum, i)
     JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.attnum ORDER BY k.i)`;

describe.each(["postgres", "nile"] as const)(
  "the %s-mode schema distributes by tenant_id",
  async (mode) => {
    const db = await migrated(mode);
    const rows = async <T>(sql: string) => (await db.query(sql)).rows as T[];

    const tenantAware = (
      await rows<{ name: string }>(`SELECT oid::regclass::text AS name FROM pg_class
      WHERE oid IN (${TENANT_AWARE}) ORDER BY 1`)
    ).map((t) => t.name);

    it("finds Rookery's tenant-aware tables in the catalog, and no shared one among them", () => {
      expect(tenantAware).toEqual([...TENANT_AWARE_TABLES].sort());
      for (const shared of SHARED_TABLES) expect(tenantAware).not.toContain(shared);
    });

    it("has tenant_id in every primary key, unique constraint and unique index", async () => {
      const keys = await rows<Row & { primary: boolean }>(`
      SELECT i.indrelid::regclass::text AS table, i.indexrelid::regclass::text AS name,
             i.indisprimary AS primary, ${columnsOf("i.indrelid", "i.indkey::int2[]")} AS columns
      FROM pg_index i WHERE i.indisunique AND i.indrelid IN (${TENANT_AWARE}) ORDER BY 1, 2`);
      for (const table of tenantAware) {
        expect(
          keys.filter((k) => k.table === table && k.primary),
          `${table} primary key`,
        ).toHaveLength(1);
      }
      const violations = keys.filter((k) => !k.columns.includes("tenant_id"));
      expect(violations).toEqual([]);
    });

    it("joins every foreign key of or to a tenant-aware table on tenant_id", async () => {
      const fks = await rows<Row & { target: string; targetColumns: string[] }>(`
      SELECT conrelid::regclass::text AS table, conname AS name,
             confrelid::regclass::text AS target,
             ${columnsOf("conrelid", "conkey")} AS columns,
             ${columnsOf("confrelid", "confkey")} AS "targetColumns"
      FROM pg_constraint
      WHERE contype = 'f' AND (conrelid IN (${TENANT_AWARE}) OR confrelid IN (${TENANT_AWARE}))
      ORDER BY 1, 2`);
      expect(fks.length).toBeGreaterThan(0);
      const violations = fks.filter((fk) => {
        const at = fk.columns.indexOf("tenant_id");
        if (at === -1) return true;
        // tenant_id must meet the target's tenant_id, or the tenants table's own id.
        const expected = fk.target === "tenants" ? "id" : "tenant_id";
        return fk.targetColumns[at] !== expected;
      });
      expect(violations).toEqual([]);
    });
  },
);
