import pg from "pg";
import { type NileAdapter, nileAdapter } from "../src/index.js";
import { inspector } from "./inspector.js";
import { createTestDatabase, type TestDatabase } from "./test-database.js";

/** A fresh migrated database with the pools a test file needs. */
export interface OpenDatabase {
  readonly db: TestDatabase;
  /** As the ordinary application role, pipelined, 10 connections. */
  readonly app: pg.Pool;
  /** As a superuser: bypasses RLS, for inspecting and fault injection. */
  readonly superuser: pg.Pool;
  readonly adapter: NileAdapter;
  readonly inspect: ReturnType<typeof inspector>;
  close(): Promise<void>;
}

export async function openDatabase(options: { readonly max?: number } = {}): Promise<OpenDatabase> {
  const db = await createTestDatabase();
  const app = new pg.Pool({ connectionString: db.appUrl, max: options.max ?? 10, pipeline: true });
  const superuser = new pg.Pool({ connectionString: db.superuserUrl, max: 3 });
  // Idle or closing clients that the server drops (fault tests, the final DROP ... WITH (FORCE))
  // are reported here, not thrown.
  for (const pool of [app, superuser]) {
    pool.on("error", () => {});
    pool.on("connect", (client) => client.on("error", () => {}));
  }
  const adapter = nileAdapter({ pool: app })._unsafeUnwrap();
  return {
    db,
    app,
    superuser,
    adapter,
    inspect: inspector(superuser),
    close: async () => {
      await app.end();
      await superuser.end();
      await db.drop();
    },
  };
}
