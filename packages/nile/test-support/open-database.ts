import pg from "pg";
import { type NileAdapter, nileAdapter } from "../src/index.js";
import { inspector } from "./inspector.js";
import { createTestDatabase, type TestDatabase } from "./test-database.js";

/** A fresh migrated database with the pools a test file needs. */
export interface OpenDatabase {
  readonly db: TestDatabase;
  /** As the runtime role, pipelined, 10 connections unless told otherwise: the documented setup. */
  readonly app: pg.Pool;
  /** As the role that owns the schema: for the application's own DDL. */
  readonly owner: pg.Pool;
  /** As a superuser: bypasses RLS, for inspecting and fault injection. */
  readonly superuser: pg.Pool;
  readonly adapter: NileAdapter;
  readonly inspect: ReturnType<typeof inspector>;
  close(): Promise<void>;
}

export async function openDatabase(
  options: { readonly max?: number; readonly pipeline?: boolean } = {},
): Promise<OpenDatabase> {
  const db = await createTestDatabase();
  const app = new pg.Pool({
    connectionString: db.appUrl,
    max: options.max ?? 10,
    pipeline: options.pipeline ?? true,
  });
  const owner = new pg.Pool({ connectionString: db.ownerUrl, max: 2 });
  const superuser = new pg.Pool({ connectionString: db.superuserUrl, max: 3 });
  // What docs/nile.md tells users to do, and nothing more: idle clients the
  // server drops are reported to the pool, which replaces them.
  for (const pool of [app, owner, superuser]) pool.on("error", () => {});
  const adapter = nileAdapter({ pool: app })._unsafeUnwrap();
  return {
    db,
    app,
    owner,
    superuser,
    adapter,
    inspect: inspector(superuser),
    close: async () => {
      await app.end();
      await owner.end();
      await superuser.end();
      await db.drop();
    },
  };
}
