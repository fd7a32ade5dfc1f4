import type { RookeryError } from "@rookery/core";
import { penguinTenancy, type TenancyWorld, tenancyWorld } from "@rookery/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppNotes, seedNotes } from "../test-support/app-notes.js";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";
import { nileAdapter } from "./index.js";

// Corked writes: a unit's statements of one tick
// leave in one write, and a read unit's COMMIT (not waited for) leaves with
// the next flight on its connection. A pool of ONE pipelined connection, so
// that tenant A's and tenant B's units follow each other on one socket.

/**
 * Every wait is bounded: a hang fails the test instead of the run. The bound
 * is far above what a call takes on a loaded machine: it catches hangs, not
 * slowness.
 */
function within<T>(least: number, what: string, promise: PromiseLike<T>): Promise<T> {
  const ms = Math.max(least, 20_000);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
    Promise.resolve(promise).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (cause: unknown) => {
        clearTimeout(timer);
        reject(cause);
      },
    );
  });
}

const CONTEXT = `SELECT current_setting('nile.tenant_id', true) AS tenant,
  current_setting('nile.user_id', true) AS "user",
  (SELECT coalesce(array_agg(body ORDER BY body), '{}') FROM app_notes) AS notes`;
type ContextRow = {
  readonly tenant: string;
  readonly user: string;
  readonly notes: string[];
};

let env: OpenDatabase;
let world: TenancyWorld;

beforeAll(async () => {
  env = await openDatabase({ max: 1, pipeline: true });
  await createAppNotes(env.owner);
  world = await tenancyWorld(env.adapter);
  await seedNotes(env.superuser, world.a.tenantId, ["a1"]);
  await seedNotes(env.superuser, world.b.tenantId, ["b1"]);
});
afterAll(() => env.close());

/** What a scope's SQL sees of its context and notes, in a read or a write unit. */
const contextOf = (who: "a" | "b", intent: "read" | "write") =>
  world[who].as.member.sql(
    (db) => db.query<ContextRow>(CONTEXT).map((rows) => rows[0] as ContextRow),
    { intent },
  );

const expectContext = (row: ContextRow, who: "a" | "b") => {
  expect(row.tenant).toBe(world[who].tenantId);
  expect(row.user).toBe(world[who].ids.member);
  expect(row.notes).toEqual([`${who}1`]);
};

describe("corked units of two tenants on one pipelined connection", () => {
  it("interleaved read units, write units and application SQL each see only their own tenant", {
    timeout: 300_000,
  }, async () => {
    const { a, b } = world;
    for (let round = 0; round < 15; round++) {
      const calls = await within(
        10_000,
        `round ${round}`,
        Promise.all([
          a.as.member.resources("campaign").list(),
          contextOf("b", "read"),
          b.as.owner.resources("campaign").create({
            workspaceId: b.ws1,
            data: { subject: `B ${round}`, status: "draft" },
          }),
          a.as.member.resources("campaign").get(a.campaign1),
          contextOf("a", "read"),
          b.as.member.resources("campaign").get(a.campaign1),
          contextOf("b", "write"),
          b.as.member.resources("campaign").list(),
          a.as.owner.resources("campaign").list({ limit: 1 }),
          contextOf("a", "write"),
        ]),
      );
      const [
        aList,
        bCtxRead,
        bCreated,
        aGet,
        aCtxRead,
        bGetsA,
        bCtxWrite,
        bList,
        aPage,
        aCtxWrite,
      ] = calls;
      expect(aList._unsafeUnwrap().items.map((c) => c.workspaceId)).toEqual([a.ws1]);
      expectContext(bCtxRead._unsafeUnwrap(), "b");
      expect(bCreated._unsafeUnwrap().tenantId).toBe(b.tenantId);
      expect(aGet._unsafeUnwrap().tenantId).toBe(a.tenantId);
      expectContext(aCtxRead._unsafeUnwrap(), "a");
      expect(bGetsA._unsafeUnwrapErr().code).toBe("NOT_FOUND");
      expectContext(bCtxWrite._unsafeUnwrap(), "b");
      expect(bList._unsafeUnwrap().items.every((c) => c.tenantId === b.tenantId)).toBe(true);
      expect(aPage._unsafeUnwrap().items.map((c) => c.tenantId)).toEqual([a.tenantId]);
      expectContext(aCtxWrite._unsafeUnwrap(), "a");
    }
  });

  it("a read unit that fails mid-unit (its ROLLBACK corked) leaves nothing to the next tenant's units", async () => {
    const { a } = world;
    for (let round = 0; round < 10; round++) {
      // Not awaited: B's units are queued behind A's failing read unit on the one connection.
      const failing = env.adapter.tenant(
        a.tenantId,
        (u) => {
          // A statement that fails on the server, then one sent behind it that nobody awaits.
          const bad = u.resources.get("campaign", "not-a-uuid" as never);
          void u.resources.list({ type: "campaign", workspaces: "all", limit: 5 });
          return bad;
        },
        { intent: "read" },
      );
      const [failed, bRead, bWrite, aAfter] = await within(
        10_000,
        `round ${round}`,
        Promise.all([
          failing,
          contextOf("b", "read"),
          contextOf("b", "write"),
          a.as.member.resources("campaign").list(),
        ]),
      );
      expect(failed.isErr()).toBe(true);
      expectContext(bRead._unsafeUnwrap(), "b");
      expectContext(bWrite._unsafeUnwrap(), "b");
      expect(aAfter._unsafeUnwrap().items.map((c) => c.workspaceId)).toEqual([a.ws1]);
    }
  });

  it("a read unit whose work throws after sending statements rolls back and the connection serves B", async () => {
    const { a } = world;
    const thrown = env.adapter.tenant(
      a.tenantId,
      (u) => {
        void u.resources.list({ type: "campaign", workspaces: "all", limit: 5 });
        throw new Error("the application's bug");
      },
      { intent: "read" },
    );
    const [threw, bRead] = await within(
      10_000,
      "throwing unit",
      Promise.all([thrown, contextOf("b", "read")]),
    );
    expect(threw._unsafeUnwrapErr().code).toBe("INTERNAL");
    expectContext(bRead._unsafeUnwrap(), "b");
  });

  it("the backend terminated between units: at most the next unit fails, as UNAVAILABLE, and then the pool recovers", async () => {
    const { a } = world;
    for (let round = 0; round < 5; round++) {
      (await within(5_000, "A's read", a.as.member.resources("campaign").list()))._unsafeUnwrap();
      // The read unit's COMMIT may not even have left yet.
      await env.superuser.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND usename <> current_user AND backend_type = 'client backend' AND pid <> pg_backend_pid()",
      );
      const outcomes: { ok: boolean; code?: string }[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await within(5_000, "B after the kill", contextOf("b", "read"));
        if (r.isOk()) {
          expectContext(r.value, "b");
          outcomes.push({ ok: true });
        } else outcomes.push({ ok: false, code: r.error.code });
      }
      expect(outcomes.filter((o) => !o.ok).every((o) => o.code === "UNAVAILABLE")).toBe(true);
      expect(outcomes.at(-1)?.ok).toBe(true);
    }
  });

  it("the backend terminated while A's read units and B's units are queued: no hang, no foreign rows", async () => {
    const { a } = world;
    for (let round = 0; round < 5; round++) {
      const calls = [
        a.as.member.resources("campaign").list(),
        contextOf("b", "read"),
        a.as.owner.resources("campaign").get(a.campaign2),
        contextOf("b", "write"),
      ] as const;
      const kill = env.superuser.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND usename <> current_user AND backend_type = 'client backend' AND pid <> pg_backend_pid()",
      );
      const [aList, bRead, aGet, bWrite] = await within(10_000, "queued units", Promise.all(calls));
      await kill;
      const failedAs = (r: { isErr(): boolean; error?: RookeryError }) =>
        r.isErr() ? (r as { error: RookeryError }).error.code : null;
      for (const r of [aList, bRead, aGet, bWrite]) {
        const code = failedAs(r as never);
        if (code !== null) expect(code).toBe("UNAVAILABLE");
      }
      if (aList.isOk()) expect(aList.value.items.map((c) => c.workspaceId)).toEqual([a.ws1]);
      if (bRead.isOk()) expectContext(bRead.value, "b");
      if (aGet.isOk()) expect(aGet.value.tenantId).toBe(a.tenantId);
      if (bWrite.isOk()) expectContext(bWrite.value, "b");
    }
    // And the pool still serves both tenants.
    expectContext((await within(5_000, "B", contextOf("b", "read")))._unsafeUnwrap(), "b");
    expectContext((await within(5_000, "A", contextOf("a", "read")))._unsafeUnwrap(), "a");
  });
});

describe("a pool ended right after a read unit", () => {
  it("ends (the corked COMMIT leaves) and rejects later calls; nothing hangs", async () => {
    const pool = new pg.Pool({ connectionString: env.db.appUrl, max: 1, pipeline: true });
    pool.on("error", () => {});
    const { tenancy } = penguinTenancy(nileAdapter({ pool })._unsafeUnwrap(), { ids: world.ids });
    const member = (await tenancy.as(world.a.ids.member))._unsafeUnwrap();
    const listed = await within(5_000, "the read", member.resources("campaign").list());
    expect(listed._unsafeUnwrap().items).toHaveLength(1);
    await within(5_000, "pool.end()", pool.end());
    const after = await within(
      5_000,
      "a call on the ended pool",
      member.resources("campaign").list(),
    );
    expect(after.isErr()).toBe(true);
    // Nothing of that connection stays idle in a transaction: the server may take a moment to
    // read the COMMIT and the goodbye that left together, so it is asked until it answers none.
    const idleInTransaction = async () => {
      const { rows } = await env.superuser.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'",
      );
      return rows[0]?.n ?? -1;
    };
    let left = await idleInTransaction();
    for (let attempt = 0; left !== 0 && attempt < 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      left = await idleInTransaction();
    }
    expect(left).toBe(0);
  });
});
