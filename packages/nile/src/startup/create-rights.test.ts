import { penguinTenancy, type TenancyWorld, tenancyWorld } from "@rookery/testing";
import { ok } from "neverthrow";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAppNotes, seedNotes } from "../../test-support/app-notes.js";
import { type OpenDatabase, openDatabase } from "../../test-support/open-database.js";
import { nileAdapter } from "../index.js";

// An operator of the exact signature `numeric * integer`, planted in a schema
// of the search path, takes the place of pg_catalog's `numeric * numeric` in
// any statement that does not qualify it. Its function copies whatever
// tenant's notes the unit it runs in can see into a table of the planter's.
const PLANT = [
  "CREATE TABLE public.loot (tenant text, body text)",
  `CREATE FUNCTION public.planted_times(numeric, integer) RETURNS numeric LANGUAGE plpgsql AS $f$
   BEGIN
     IF pg_catalog.current_setting('transaction_read_only') = 'off'
        AND pg_catalog.current_setting('nile.tenant_id', true) <> '' THEN
       INSERT INTO public.loot SELECT pg_catalog.current_setting('nile.tenant_id', true), n.body
         FROM public.app_notes n;
     END IF;
     RETURN $1 OPERATOR(pg_catalog.*) $2::pg_catalog.numeric;
   END $f$`,
  "CREATE OPERATOR public.* (LEFTARG = numeric, RIGHTARG = integer, FUNCTION = public.planted_times)",
];

describe("a runtime role that may create objects where statements look names up", () => {
  let env: OpenDatabase;
  let world: TenancyWorld;

  beforeAll(async () => {
    // The documented setup on a pool of one connection, so every unit of both tenants shares it.
    env = await openDatabase({ max: 1 });
    await createAppNotes(env.owner);
    world = await tenancyWorld(env.adapter);
    await seedNotes(env.superuser, world.b.tenantId, ["b secret 1", "b secret 2"]);
    // What a database upgraded from PostgreSQL 14 or older keeps.
    await env.superuser.query("GRANT CREATE ON SCHEMA public TO PUBLIC");
  });
  afterAll(() => env.close());

  /** The start-up check's refusal on a new adapter over the documented pool, or "passed". */
  const refusal = async (): Promise<string> => {
    const checked = await nileAdapter({ pool: env.app })._unsafeUnwrap().verify();
    if (checked.isOk()) return "passed";
    expect(checked.error.code).toBe("CONFIGURATION");
    return checked.error.message;
  };

  /** What the planted table holds of a tenant's notes; nothing when it could not be created. */
  const lootOf = async (tenantId: string): Promise<string[]> => {
    const { rows } = await env.superuser.query<{ planted: boolean }>(
      "SELECT pg_catalog.to_regclass('public.loot') IS NOT NULL AS planted",
    );
    if (rows[0]?.planted !== true) return [];
    const loot = await env.superuser.query<{ body: string }>(
      "SELECT body FROM public.loot WHERE tenant = $1 ORDER BY body",
      [tenantId],
    );
    return loot.rows.map((row) => row.body);
  };

  it("is refused by the start-up check, which names the schema and the role", async () => {
    expect(await refusal()).toMatch(/may create objects in schema public \(as rookery_app\)/);
  });

  it("cannot plant an operator through scope.sql that copies another tenant's rows out of that tenant's own calls", async () => {
    const adapter = nileAdapter({ pool: env.app })._unsafeUnwrap();
    const { tenancy } = penguinTenancy(adapter, { ids: world.ids });
    const { a, b } = world;
    const asA = (await tenancy.as({ userId: a.ids.owner, tenantId: a.tenantId }))._unsafeUnwrap();
    const asB = (await tenancy.as({ userId: b.ids.owner, tenantId: b.tenantId }))._unsafeUnwrap();
    await asA.sql(async (db) => {
      for (const text of PLANT) (await db.query(text))._unsafeUnwrap();
      return ok(undefined);
    });
    // Replaces the connection, so B's next unit parses Rookery's statements anew.
    await asA.sql((db) =>
      db.query("SELECT pg_catalog.set_config('nile.tenant_id', $1, true)", [b.tenantId]),
    );
    await asB.workspaces.create({ name: "Quarterly plans" });
    expect(await lootOf(b.tenantId)).toEqual([]);
  });
});

describe("the start-up check's view of what the runtime role may create", () => {
  let env: OpenDatabase;
  // Undone after each test, so each starts from the documented setup.
  let undo: string[] = [];

  beforeAll(async () => {
    env = await openDatabase({ max: 1 });
  });
  afterEach(async () => {
    for (const sql of undo.reverse()) await env.superuser.query(sql);
    undo = [];
  });
  afterAll(() => env.close());

  const as = async (sql: string, revert: string) => {
    await env.superuser.query(sql);
    undo.push(revert);
  };
  const verdict = async (): Promise<string> => {
    const checked = await nileAdapter({ pool: env.app })._unsafeUnwrap().verify();
    return checked.isOk() ? "passed" : checked.error.message;
  };

  it("passes the documented setup", async () => {
    expect(await verdict()).toBe("passed");
  });

  it("refuses CREATE held through a role it is a member of without inheriting", async () => {
    await as("CREATE ROLE zz_creator NOLOGIN", "DROP ROLE zz_creator");
    await as(
      "GRANT CREATE ON SCHEMA public TO zz_creator",
      "REVOKE CREATE ON SCHEMA public FROM zz_creator",
    );
    await as("GRANT zz_creator TO rookery_app", "REVOKE zz_creator FROM rookery_app");
    await as("ALTER ROLE rookery_app NOINHERIT", "ALTER ROLE rookery_app INHERIT");
    expect(await verdict()).toMatch(/may create objects in schema public \(as zz_creator\)/);
  });

  it("refuses CREATE on a schema that is not on its search path", async () => {
    await as("CREATE SCHEMA zz_side", "DROP SCHEMA zz_side");
    await as(
      "GRANT CREATE ON SCHEMA zz_side TO rookery_app",
      "REVOKE CREATE ON SCHEMA zz_side FROM rookery_app",
    );
    expect(await verdict()).toMatch(/may create objects in schema zz_side \(as rookery_app\)/);
  });

  it("refuses CREATE on the database, with which it could make a schema of its own name", async () => {
    await as(
      "DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO rookery_app', current_database()); END $$",
      "DO $$ BEGIN EXECUTE format('REVOKE CREATE ON DATABASE %I FROM rookery_app', current_database()); END $$",
    );
    expect(await verdict()).toMatch(/may create schemas in database/);
  });

  it("refuses a function it created while it could, after CREATE was revoked", async () => {
    await as("GRANT CREATE ON SCHEMA public TO rookery_app", "SELECT 1");
    await env.app.query(
      "CREATE FUNCTION public.array_remove(text[], text) RETURNS text[] LANGUAGE sql AS 'SELECT $1'",
    );
    undo.push("DROP FUNCTION public.array_remove(text[], text)");
    await env.superuser.query("REVOKE CREATE ON SCHEMA public FROM rookery_app");
    expect(await verdict()).toMatch(
      /owns function array_remove\(text\[\],text\) \(as rookery_app\)/,
    );
  });

  it("does not count the session's own temporary schema", async () => {
    await as(
      "ALTER ROLE rookery_app SET search_path = public, pg_temp",
      "ALTER ROLE rookery_app RESET search_path",
    );
    // A new connection with that path, which has made (and dropped) temporary objects.
    const pool = new pg.Pool({ connectionString: env.db.appUrl, max: 1 });
    pool.on("error", () => {});
    try {
      await pool.query("CREATE TEMP TABLE zz_scratch (x int)");
      await pool.query("DISCARD TEMP");
      const checked = await nileAdapter({ pool })._unsafeUnwrap().verify();
      expect(checked.isOk()).toBe(true);
    } finally {
      await pool.end();
    }
  });
});
