import type { Server } from "@niledatabase/server";
import { runAdapterConformance } from "@rookery/testing";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { inspector } from "../test-support/inspector.js";
import { nileServer } from "../test-support/nile-server.js";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database.js";
import { type NileAdapter, nileAdapter } from "./index.js";

// The same suite through `nileAdapter({ nile })`: the SDK's context-free pool
// `nile.db`, here over plain PostgreSQL, so the RLS policies still stand guard.
let db: TestDatabase;
let nile: Server;
let superPool: pg.Pool;
let adapter: NileAdapter;

beforeAll(async () => {
  db = await createTestDatabase();
  nile = nileServer(db.appUrl, { pipeline: true });
  superPool = new pg.Pool({ connectionString: db.superuserUrl, max: 2 });
  adapter = nileAdapter({ nile, mode: "postgres" })._unsafeUnwrap();
  (await adapter.verify())._unsafeUnwrap();
});

afterAll(async () => {
  nile?.db.clearConnections();
  await superPool?.end();
  await db?.drop();
});

runAdapterConformance({
  name: "nile over @niledatabase/server's nile.db (PostgreSQL mode)",
  createHarness: async () => {
    const inspect = inspector(superPool);
    await inspect.truncateAll();
    return { adapter, inspect };
  },
});
