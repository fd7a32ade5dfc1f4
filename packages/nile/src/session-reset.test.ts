import type { ScopedSql } from "@rookery/core";
import { fixtures, type TenancyWorld, tenancyWorld } from "@rookery/testing";
import { ok } from "neverthrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppNotes, seedNotes, storedNotes } from "../test-support/app-notes.js";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";
import { unitSql } from "../test-support/unit-sql.js";

// A pool of ONE connection: whatever A's unit leaves on its connection is
// there for B's unit, and for the application's own queries on the pool.
describe.each([
  ["pipelined", true],
  ["not pipelined", false],
])(
  "a connection goes back to the pool carrying nothing the unit made (pool of 1, %s)",
  (_, pipeline) => {
    let env: OpenDatabase;
    let world: TenancyWorld;
    const f = fixtures();

    beforeAll(async () => {
      env = await openDatabase({ max: 1, pipeline });
      await createAppNotes(env.owner);
      world = await tenancyWorld(env.adapter);
      await seedNotes(env.superuser, world.a.tenantId, ["a secret"]);
      await seedNotes(env.superuser, world.b.tenantId, ["b secret"]);
    });
    afterAll(() => env.close());

    /** Runs `statements` as A's owner, one call each, results ignored. */
    const asA = (...statements: string[]) =>
      world.a.as.owner.sql(async (db: ScopedSql) => {
        for (const text of statements) await db.query(text);
        return ok(undefined);
      });
    /** B's owner runs one statement; its rows or error. */
    const asB = (text: string, values: unknown[] = []) =>
      world.b.as.owner.sql((db: ScopedSql) => db.query(text, values));

    it("a temporary table A filled is gone for B", async () => {
      await asA("CREATE TEMP TABLE stash AS SELECT body FROM app_notes");
      const read = await asB("SELECT body FROM stash");
      expect(read.isErr()).toBe(true);
      const left = await env.app.query("SELECT to_regclass('pg_temp.stash') AS t");
      expect(left.rows[0]?.t).toBeNull();
    });

    it("a WITH HOLD cursor A declared cannot be fetched by B", async () => {
      await asA("DECLARE a_cursor CURSOR WITH HOLD FOR SELECT body FROM app_notes");
      const fetched = await asB("FETCH ALL FROM a_cursor");
      expect(fetched.isErr()).toBe(true);
      const cursors = await env.app.query("SELECT count(*)::int AS n FROM pg_cursors");
      expect(cursors.rows[0]?.n).toBe(0);
    });

    it("a temporary table shadowing app_notes does not capture B's writes", async () => {
      await asA("CREATE TEMP TABLE app_notes (LIKE public.app_notes INCLUDING DEFAULTS)");
      (
        await asB(
          "INSERT INTO app_notes (tenant_id, body) VALUES ($1, 'b written') RETURNING body",
          [world.b.tenantId],
        )
      )._unsafeUnwrap();
      expect(await storedNotes(env.superuser, world.b.tenantId)).toContain("b written");
    });

    it("within a unit, a temporary table cannot stand in for Rookery's own tables", async () => {
      const workspace = f.workspace({ tenantId: world.a.tenantId, name: "Really stored" });
      const unit = await env.adapter.tenant(world.a.tenantId, (u) =>
        unitSql(u)
          .asyncAndThen((sql) =>
            sql.query("CREATE TEMP TABLE rookery_workspaces (LIKE public.rookery_workspaces)"),
          )
          .andThen(() => u.workspaces.insert(workspace)),
      );
      unit._unsafeUnwrap();
      const names = (await env.inspect.rows("workspaces")).map((w) => w.name);
      expect(names).toContain("Really stored");
    });

    it("a session-level tenant context set by A's SQL is gone for the pool's next user", async () => {
      await world.a.as.owner.sql(async (db) =>
        db.query("SELECT set_config('nile.tenant_id', $1, false)", [db.tenantId]),
      );
      const raw = await env.app.query<{ t: string; n: number }>(
        "SELECT coalesce(current_setting('nile.tenant_id', true), '') AS t, (SELECT count(*)::int FROM app_notes) AS n",
      );
      expect(raw.rows[0]).toEqual({ t: "", n: 0 });
    });

    it("settings A changed for the session do not stay", async () => {
      await asA(
        "SELECT set_config('statement_timeout', '4321', false)",
        "SELECT set_config('default_transaction_read_only', 'on', false)",
        "SELECT set_config('search_path', 'pg_temp, public', false)",
      );
      const raw = await env.app.query<{ timeout: string; readOnly: string; path: string }>(
        `SELECT current_setting('statement_timeout') AS timeout,
              current_setting('default_transaction_read_only') AS "readOnly",
              current_setting('search_path') AS path`,
      );
      expect(raw.rows[0]).toEqual({ timeout: "0", readOnly: "off", path: '"$user", public' });
      const write = await asB(
        "INSERT INTO app_notes (tenant_id, body) VALUES ($1, 'rw') RETURNING 1",
        [world.b.tenantId],
      );
      expect(write.isOk()).toBe(true);
    });

    it("a session advisory lock A took on B's key is released", async () => {
      await world.a.as.owner.sql(async (db) =>
        db.query(
          "SELECT pg_advisory_lock(hashtextextended('rookery:tenant:' || $1::uuid::text, 0))",
          [world.b.tenantId],
        ),
      );
      const held = await env.superuser.query(
        "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()",
      );
      expect(held.rows[0]?.n).toBe(0);
    });

    it("a unit that ran no application SQL leaves the connection as it was (no reset needed)", async () => {
      const before = await env.app.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      (
        await env.adapter.tenant(world.a.tenantId, (u) => u.workspaces.count(), { intent: "read" })
      )._unsafeUnwrap();
      const after = await env.app.query<{ pid: number; t: string }>(
        "SELECT pg_backend_pid() AS pid, coalesce(current_setting('nile.tenant_id', true), '') AS t",
      );
      expect(after.rows[0]).toEqual({ pid: before.rows[0]?.pid, t: "" });
    });
  },
);
