import type { ScopedSql } from "@rookery/core";
import { type TenancyWorld, tenancyWorld } from "@rookery/testing";
import { ok } from "neverthrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppNotes, seedNotes, storedNotes } from "../test-support/app-notes.js";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";

// scope.sql may run any one statement the runtime role may run, but never
// leave its unit: not end the transaction, not change the tenant or role.
describe.each([
  ["pipelined", true],
  ["not pipelined", false],
])("scope.sql cannot end or escape its unit (pool of 1, %s)", (_, pipeline) => {
  let env: OpenDatabase;
  let world: TenancyWorld;

  beforeAll(async () => {
    env = await openDatabase({ max: 1, pipeline });
    // An ordinary role the runtime role may switch to: owns nothing, bypasses nothing.
    await env.superuser.query(`DO $$ BEGIN CREATE ROLE rookery_side NOLOGIN;
      EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    await env.superuser.query("GRANT rookery_side TO rookery_app");
    await createAppNotes(env.owner);
    world = await tenancyWorld(env.adapter);
    await seedNotes(env.superuser, world.b.tenantId, ["b1", "b2"]);
  });
  afterAll(() => env.close());

  const backend = async () =>
    (await env.app.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid;
  const sessionTenant = async () =>
    (
      await env.app.query<{ t: string; n: number }>(
        "SELECT coalesce(current_setting('nile.tenant_id', true), '') AS t, (SELECT count(*)::int FROM app_notes) AS n",
      )
    ).rows[0];
  const note = (db: ScopedSql, body: string) =>
    db.query("INSERT INTO app_notes (tenant_id, body) VALUES ($1, $2)", [db.tenantId, body]);

  it("one call is one statement, even without values", async () => {
    const b = world.b.tenantId;
    const result = await world.a.as.owner.sql((db) =>
      db.query(`SELECT 1; SELECT set_config('nile.tenant_id', '${b}', false); SELECT 2`),
    );
    expect(result.isErr()).toBe(true);
    expect(await sessionTenant()).toEqual({ t: "", n: 0 });
  });

  it.each([
    "COMMIT",
    "  commit;",
    ";COMMIT",
    "/* a /* nested */ comment */ -- and a line\n END",
    "ROLLBACK",
    "SAVEPOINT s",
    "SET ROLE rookery_owner",
    "SET nile.tenant_id = 'x'",
    "RESET ALL",
    "LISTEN somewhere",
    "PREPARE TRANSACTION 'x'",
  ])("refuses %j before sending it, and nothing the unit wrote is kept", async (text) => {
    const a = world.a;
    const result = await a.as.owner.sql(async (db) => {
      await note(db, "before");
      const control = await db.query(text);
      await note(db, "after");
      return control;
    });
    expect(result._unsafeUnwrapErr().code).toBe("UNSUPPORTED");
    expect(await storedNotes(env.superuser, a.tenantId)).toEqual([]);
    expect(await sessionTenant()).toEqual({ t: "", n: 0 });
  });

  it("a statement that switches the tenant fails the unit; its rows never reach the application", async () => {
    const { a, b } = world;
    const pid = await backend();
    const seen: unknown[] = [];
    const result = await a.as.owner.sql(async (db) => {
      await note(db, "written before the switch");
      const switched = await db.query("SELECT set_config('nile.tenant_id', $1, true)", [
        b.tenantId,
      ]);
      const read = await db.query("SELECT body FROM app_notes");
      if (read.isOk()) seen.push(...read.value);
      return switched;
    });
    expect(result._unsafeUnwrapErr().code).toBe("ISOLATION_BREACH");
    expect(seen).toEqual([]);
    expect(await storedNotes(env.superuser, a.tenantId)).toEqual([]);
    expect(await backend()).not.toBe(pid);
  });

  it("a statement that switches and reads at once hands over no row", async () => {
    const { a, b } = world;
    const result = await a.as.owner.sql((db) =>
      db.query(
        "SELECT set_config('nile.tenant_id', $1, true) AS t, (SELECT pg_catalog.array_agg(body) FROM app_notes) AS bodies",
        [b.tenantId],
      ),
    );
    expect(result._unsafeUnwrapErr().code).toBe("ISOLATION_BREACH");
  });

  it("a switch the work did not wait for still turns the COMMIT into a ROLLBACK", async () => {
    const { a, b } = world;
    const result = await a.as.owner.sql(async (db) => {
      (await note(db, "must not survive"))._unsafeUnwrap();
      void db.query("SELECT set_config('nile.tenant_id', $1, true)", [b.tenantId]);
      return ok(undefined);
    });
    expect(result._unsafeUnwrapErr().code).toBe("ISOLATION_BREACH");
    expect(await storedNotes(env.superuser, a.tenantId)).toEqual([]);
  });

  it("a role switch fails the unit, and the role does not stay on the connection", async () => {
    const result = await world.a.as.owner.sql((db) =>
      db.query("SELECT set_config('role', 'rookery_side', false)"),
    );
    expect(result._unsafeUnwrapErr().code).toBe("ISOLATION_BREACH");
    const user = await env.app.query<{ u: string }>("SELECT current_user AS u");
    expect(user.rows[0]?.u).toBe("rookery_app");
  });

  it("statements of the application's own run as before", async () => {
    const a = world.a;
    const result = await a.as.owner.sql(async (db) => {
      (await note(db, "kept"))._unsafeUnwrap();
      (await db.query("SELECT set_config('app.region', 'eu', true)"))._unsafeUnwrap();
      (await db.query("SET LOCAL app.channel = 'web'"))._unsafeUnwrap();
      return db.query<{ region: string; channel: string; n: number }>(
        "SELECT current_setting('app.region') AS region, current_setting('app.channel') AS channel, count(*)::int AS n FROM app_notes",
      );
    });
    expect(result._unsafeUnwrap()).toEqual([{ region: "eu", channel: "web", n: 1 }]);
    expect(await storedNotes(env.superuser, a.tenantId)).toEqual(["kept"]);
    await env.superuser.query("DELETE FROM app_notes WHERE tenant_id = $1", [a.tenantId]);
  });
});
