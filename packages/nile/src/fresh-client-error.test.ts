import { once } from "node:events";
import type { TenantId } from "@rookery/core";
import { fixtures } from "@rookery/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FatalProxy, startFatalProxy } from "../test-support/fatal-proxy.js";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";
import { type NileAdapter, nileAdapter } from "./index.js";

let env: OpenDatabase;
let proxy: FatalProxy;
let pool: pg.Pool;
let adapter: NileAdapter;
let tenantId: TenantId;

beforeAll(async () => {
  env = await openDatabase();
  const tenant = fixtures().tenant();
  (await env.adapter.platform((u) => u.tenants.insert(tenant)))._unsafeUnwrap();
  tenantId = tenant.id;
  const direct = new URL(env.db.appUrl);
  proxy = await startFatalProxy(direct.hostname, Number(direct.port));
  const relayed = new URL(direct);
  relayed.port = String(proxy.port);
  // Exactly the setup docs/nile.md gives: a pool listener, no per-client one.
  pool = new pg.Pool({ connectionString: relayed.toString(), max: 1, pipeline: true });
  pool.on("error", () => {});
  adapter = nileAdapter({ pool })._unsafeUnwrap();
});
afterAll(async () => {
  await pool.end();
  await proxy.close();
  await env.close();
});

describe("a connection killed as it is handed out (documented setup: pool.on('error') only)", () => {
  it("fails the unit as UNAVAILABLE instead of throwing an uncaught error, and the next unit runs", async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", onUncaught);
    try {
      (await adapter.verify())._unsafeUnwrap();
      // Drop the idle connection the check used, so the unit opens a fresh one.
      const removed = once(pool, "remove");
      proxy.dropAll();
      await removed;
      proxy.failNextConnection();
      const killed = await adapter.tenant(tenantId, (u) => u.workspaces.count(), {
        intent: "read",
      });
      expect(killed._unsafeUnwrapErr().code).toBe("UNAVAILABLE");
      const next = await adapter.tenant(tenantId, (u) => u.workspaces.count(), {
        intent: "read",
      });
      expect(next._unsafeUnwrap()).toBe(0);
    } finally {
      process.off("uncaughtException", onUncaught);
    }
    expect(uncaught).toEqual([]);
  });
});
