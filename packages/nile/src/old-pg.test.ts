import { penguinTenancy, type TenancyWorld, tenancyWorld } from "@rookery/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppNotes, storedNotes } from "../test-support/app-notes.js";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";
import { type NileAdapter, nileAdapter } from "./index.js";

/**
 * A client that behaves as `pg` did before 8.12: it never read `queryMode`,
 * so a statement without values went through the simple protocol, which runs
 * every statement of a string.
 */
class ClientBefore812 extends pg.Client {}
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
Object.defineProperty(ClientBefore812.prototype, "query", {
  value(this: pg.Client, config: unknown, ...rest: unknown[]) {
    if (typeof config === "object" && config !== null && "queryMode" in config) {
      const { queryMode: _unread, ...older } = config as Record<string, unknown>;
      return query.call(this, older, ...rest);
    }
    return query.call(this, config, ...rest);
  },
});

describe("a pool whose pg ignores queryMode (pg before 8.12)", () => {
  let env: OpenDatabase;
  let world: TenancyWorld;
  let older: pg.Pool;
  let adapter: NileAdapter;

  beforeAll(async () => {
    env = await openDatabase();
    await createAppNotes(env.owner);
    world = await tenancyWorld(env.adapter);
    // A pool of one: the smuggled COMMIT and what follows it run on the unit's own connection.
    older = new pg.Pool({ connectionString: env.db.appUrl, max: 1, Client: ClientBefore812 });
    older.on("error", () => {});
    adapter = nileAdapter({ pool: older })._unsafeUnwrap();
  });
  afterAll(async () => {
    await older.end();
    await env.close();
  });

  it("runs two statements sent as one extended-mode call, where the current pg has the server refuse them", async () => {
    const twice = { text: "SELECT 1 AS n; SELECT 2 AS n", queryMode: "extended" } as const;
    const results = (await older.query(twice)) as unknown as pg.QueryResult[];
    expect(results.map((r) => r.rows[0]?.n)).toEqual([1, 2]);
    await expect(env.app.query(twice)).rejects.toMatchObject({ code: "42601" });
  });

  it("is refused by the start-up check, which names the pg version needed", async () => {
    const refusal = (await adapter.verify())._unsafeUnwrapErr();
    expect(refusal.code).toBe("CONFIGURATION");
    expect(refusal.message).toMatch(/pg 8\.12 or later/);
  });

  it("cannot commit a unit's writes from inside scope.sql with a statement hidden behind another", async () => {
    const { tenancy } = penguinTenancy(adapter, { ids: world.ids });
    const a = world.a;
    const scope = (await tenancy.as({ userId: a.ids.owner, tenantId: a.tenantId }))._unsafeUnwrap();
    const result = await scope.sql(async (db) => {
      await db.query("INSERT INTO app_notes (tenant_id, body) VALUES ($1, 'smuggled')", [
        db.tenantId,
      ]);
      return db.query("SELECT 1; COMMIT");
    });
    expect(result.isErr()).toBe(true);
    expect(await storedNotes(env.superuser, a.tenantId)).toEqual([]);
  });
});
