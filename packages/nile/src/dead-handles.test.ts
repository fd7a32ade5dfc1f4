import type { ScopedSql } from "@rookery/core";
import type { TenantUnit } from "@rookery/core/adapter";
import { fixtures, type TenancyWorld, tenancyWorld } from "@rookery/testing";
import { ok } from "neverthrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppNotes, seedNotes, storedNotes } from "../test-support/app-notes.js";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";
import { type UnitSql, unitSql } from "../test-support/unit-sql.js";

// A pool of ONE connection: the next unit, for another tenant, runs on the
// very connection a kept handle would use.
describe.each([
  ["pipelined", true],
  ["not pipelined", false],
])("handles die with their unit (pool of 1, %s)", (_, pipeline) => {
  let env: OpenDatabase;
  let world: TenancyWorld;
  const f = fixtures();

  beforeAll(async () => {
    env = await openDatabase({ max: 1, pipeline });
    await createAppNotes(env.owner);
    world = await tenancyWorld(env.adapter);
    await seedNotes(env.superuser, world.b.tenantId, ["b1", "b2"]);
  });
  afterAll(() => env.close());

  it("a scope.sql handle kept from A's unit cannot read or write during B's unit", async () => {
    const { a, b } = world;
    let kept: ScopedSql | undefined;
    (
      await a.as.owner.sql(async (db) => {
        kept = db;
        return ok(undefined);
      })
    )._unsafeUnwrap();
    const stale = kept as ScopedSql;

    const during = await b.as.owner.sql(async (db) => {
      const read = await stale.query("SELECT body FROM app_notes");
      const write = await stale.query(
        "INSERT INTO app_notes (tenant_id, body) VALUES (current_setting('nile.tenant_id')::uuid, 'stale') RETURNING body",
      );
      const own = await db.query(
        "INSERT INTO app_notes (tenant_id, body) VALUES ($1, 'b own') RETURNING body",
        [db.tenantId],
      );
      return ok({ read, write, own });
    });

    const { read, write, own } = during._unsafeUnwrap();
    expect(read._unsafeUnwrapErr().message).toMatch(/unit of work has ended/);
    expect(write._unsafeUnwrapErr().message).toMatch(/unit of work has ended/);
    expect(own._unsafeUnwrap()).toEqual([{ body: "b own" }]);
    expect(await storedNotes(env.superuser, b.tenantId)).toEqual(["b1", "b2", "b own"]);
    expect(await storedNotes(env.superuser, a.tenantId)).toEqual([]);
  });

  it("statements fired after the work returned never reach the connection", async () => {
    const { a, b } = world;
    // The work hands its handle out and returns; the statement is asked for later.
    let fire: (() => ReturnType<UnitSql["query"]>) | undefined;
    (
      await env.adapter.tenant(a.tenantId, async (u) =>
        unitSql(u).map((sql) => {
          fire = () => sql.query("SELECT count(*)::int AS n FROM app_notes");
          return undefined;
        }),
      )
    )._unsafeUnwrap();
    const late = (fire as NonNullable<typeof fire>)();
    const inB = await env.adapter.tenant(
      b.tenantId,
      (u) =>
        unitSql(u).asyncAndThen((sql) =>
          sql.query<{ n: number }>("SELECT count(*)::int AS n FROM app_notes"),
        ),
      { intent: "read" },
    );
    expect((await late)._unsafeUnwrapErr().code).toBe("INTERNAL");
    expect(inB._unsafeUnwrap()).toEqual([{ n: 3 }]);
  });

  it("a repository kept from A's unit cannot write in B's, and B's own write is kept", async () => {
    const { a, b } = world;
    let kept: TenantUnit | undefined;
    (
      await env.adapter.tenant(a.tenantId, async (u) => {
        kept = u;
        return ok(undefined);
      })
    )._unsafeUnwrap();
    const staleWorkspace = f.workspace({ tenantId: a.tenantId, name: "Stale" });
    const ownWorkspace = f.workspace({ tenantId: b.tenantId, name: "B's own" });

    const result = await env.adapter.tenant(b.tenantId, async (u) => {
      const stale = await (kept as TenantUnit).workspaces.insert(staleWorkspace);
      const own = await u.workspaces.insert(ownWorkspace);
      return ok({ stale, own });
    });

    const { stale, own } = result._unsafeUnwrap();
    expect(stale._unsafeUnwrapErr().message).toMatch(/unit of work has ended/);
    expect(own._unsafeUnwrap().name).toBe("B's own");
    const stored = await env.inspect.rows("workspaces");
    expect(stored.map((w) => w.name)).toContain("B's own");
    expect(stored.map((w) => w.name)).not.toContain("Stale");
  });
});
