import { runAdapterConformance } from "@rookery/testing";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { inspector } from "../test-support/inspector.js";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database.js";
import { type NileAdapter, nileAdapter } from "./index.js";

// One database and one pool for the file; every test starts from emptied tables.
let db: TestDatabase;
let appPool: pg.Pool;
let superPool: pg.Pool;
let adapter: NileAdapter;

beforeAll(async () => {
  db = await createTestDatabase();
  appPool = new pg.Pool({ connectionString: db.appUrl, max: 10, pipeline: true });
  superPool = new pg.Pool({ connectionString: db.superuserUrl, max: 2 });
  adapter = nileAdapter({ pool: appPool })._unsafeUnwrap();
  (await adapter.verify())._unsafeUnwrap();
});

afterAll(async () => {
  await appPool?.end();
  await superPool?.end();
  await db?.drop();
});

runAdapterConformance({
  name: "nile (PostgreSQL mode, ordinary role)",
  createHarness: async () => {
    const inspect = inspector(superPool);
    await inspect.truncateAll();
    return { adapter, inspect };
  },
});
