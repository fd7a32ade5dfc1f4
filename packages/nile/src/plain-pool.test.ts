import type { UserId } from "@rookery/core";
import { penguinTenancy, type TenancyWorld, tenancyWorld } from "@rookery/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";
import { nileAdapter } from "./index.js";

// A pool without `pipeline: true` (the Nile SDK's, or a plain pg.Pool) runs
// one statement at a time. A unit must then wait for each statement itself:
// leaving statements in pg's own queue is deprecated, and pg says so in the
// application's log.

let env: OpenDatabase;
let world: TenancyWorld;

beforeAll(async () => {
  env = await openDatabase();
  world = await tenancyWorld(env.adapter);
});
afterAll(async () => {
  await env.close();
});

describe("on a pool that does not pipeline", () => {
  it("answers reads, writes, lists and application SQL without pg's queueing warning", async () => {
    const warnings: string[] = [];
    const listener = (warning: Error) => warnings.push(warning.message);
    process.on("warning", listener);
    const pool = new pg.Pool({ connectionString: env.db.appUrl, max: 2 });
    pool.on("error", () => {});
    try {
      const { tenancy } = penguinTenancy(nileAdapter({ pool })._unsafeUnwrap(), {
        ids: world.ids,
      });
      const a = world.a;
      const scope = (
        await tenancy.as({ userId: a.ids.owner as UserId, tenantId: a.tenantId })
      )._unsafeUnwrap();
      const campaigns = scope.resources("campaign");
      expect((await campaigns.get(a.campaign1))._unsafeUnwrap().id).toBe(a.campaign1);
      expect((await campaigns.list())._unsafeUnwrap().items.length).toBeGreaterThan(0);
      // The actor, the workspace and its page are asked for at once.
      const ofOne = (await campaigns.list({ workspaceId: a.ws1 }))._unsafeUnwrap();
      expect(ofOne.items.map((c) => c.workspaceId)).toContain(a.ws1);
      const created = await campaigns.create({
        workspaceId: a.ws1,
        data: { subject: "Plain", status: "draft" },
      });
      expect(created._unsafeUnwrap().data).toEqual({ subject: "Plain", status: "draft" });
      expect((await scope.members.list())._unsafeUnwrap().items).toHaveLength(3);
      const counted = await scope.sql((db) =>
        db.query<{ n: number }>("SELECT count(*)::int AS n FROM rookery_workspaces"),
      );
      expect(counted._unsafeUnwrap()[0]?.n).toBe(2);
      // A warning is emitted on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", listener);
      await pool.end();
    }
    expect(warnings.filter((message) => message.includes("already executing a query"))).toEqual([]);
  });
});
