import { Server } from "@niledatabase/server";
import type { RookeryAdapter } from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import { migrate, nileAdapter } from "@rookery/nile";
import type { BetterAuthOptions } from "better-auth";
import { memoryAdapter as authMemoryAdapter } from "better-auth/adapters/memory";
import pg from "pg";

/** Where the example keeps its data, chosen from the environment (see the README). */
export type StoreMode = "memory" | "postgres" | "nile";

/**
 * Rookery's adapter and better-auth's database, side by side in one store:
 * both in memory, or both in one PostgreSQL / NileDB database.
 */
export interface Store {
  readonly mode: StoreMode;
  readonly rookery: RookeryAdapter;
  readonly authDatabase: NonNullable<BetterAuthOptions["database"]>;
  /**
   * The database better-auth's migrations run on (the owner's pool), or null
   * when better-auth keeps its tables in memory.
   */
  readonly authMigrationDatabase: pg.Pool | null;
  /** Ends the pools the store opened (after the migrations, only the runtime one is left). */
  close(): Promise<void>;
}

export type StoreEnv = Readonly<Record<string, string | undefined>>;

function storeModeOf(env: StoreEnv): StoreMode {
  if (env.DATABASE_URL) return "postgres";
  if (env.NILEDB_USER || env.NILEDB_POSTGRES_URL) return "nile";
  return "memory";
}

/** Opens the store the environment names, migrating Rookery's schema first on SQL stores. */
export async function openStore(env: StoreEnv, warn: (line: string) => void): Promise<Store> {
  switch (storeModeOf(env)) {
    case "postgres":
      return openPostgres(env, warn);
    case "nile":
      return openNile();
    default:
      return openMemory();
  }
}

function openMemory(): Store {
  const tables: Record<string, Record<string, unknown>[]> = {
    user: [],
    session: [],
    account: [],
    verification: [],
  };
  return {
    mode: "memory",
    rookery: memoryAdapter(),
    authDatabase: authMemoryAdapter(tables),
    authMigrationDatabase: null,
    close: async () => {},
  };
}

/**
 * Plain PostgreSQL with the two roles of docs/nile.md: `DATABASE_OWNER_URL`
 * migrates (Rookery's tables, then better-auth's, which the owner's default
 * privileges open to the runtime role) and `DATABASE_URL` runs. With
 * `DATABASE_URL` alone one role does both, for development only.
 */
async function openPostgres(env: StoreEnv, warn: (line: string) => void): Promise<Store> {
  const runtimeUrl = env.DATABASE_URL ?? "";
  const ownerUrl = env.DATABASE_OWNER_URL;
  const runtime = new pg.Pool({ connectionString: runtimeUrl, max: 10, pipeline: true });
  runtime.on("error", () => {}); // an idle client the server dropped; the pool replaces it
  const owner =
    ownerUrl === undefined ? runtime : new pg.Pool({ connectionString: ownerUrl, max: 2 });
  owner.on("error", () => {});
  const runtimeRole = ownerUrl === undefined ? undefined : new URL(runtimeUrl).username;
  if (ownerUrl === undefined) {
    warn(
      "DATABASE_URL alone: one role migrates and runs (development only); set DATABASE_OWNER_URL for the two-role setup.",
    );
  }
  const migrated = await migrate({
    pool: owner,
    mode: "postgres",
    ...(runtimeRole === undefined ? {} : { runtimeRole }),
  });
  if (migrated.isErr()) throw new Error(`Rookery's migrations failed: ${migrated.error.message}`);
  const adapter = nileAdapter({ pool: runtime, allowSchemaOwner: ownerUrl === undefined });
  if (adapter.isErr()) throw new Error(`The PostgreSQL adapter: ${adapter.error.message}`);
  return {
    mode: "postgres",
    rookery: adapter.value,
    authDatabase: runtime,
    authMigrationDatabase: owner,
    close: async () => {
      await runtime.end();
      if (owner !== runtime && !owner.ended) await owner.end();
    },
  };
}

/**
 * NileDB as docs/nile.md wires it: the SDK's context-free pool (`nile.db`),
 * configured by the `NILEDB_*` variables, for Rookery and for better-auth's
 * tables (shared tables: they have no `tenant_id`).
 */
async function openNile(): Promise<Store> {
  const nile = new Server({ db: { pipeline: true, connectionTimeoutMillis: 5_000 } });
  const migrated = await migrate({ pool: nile.db, mode: "nile" });
  if (migrated.isErr()) throw new Error(`Rookery's migrations failed: ${migrated.error.message}`);
  const adapter = nileAdapter({ nile });
  if (adapter.isErr()) throw new Error(`The NileDB adapter: ${adapter.error.message}`);
  return {
    mode: "nile",
    rookery: adapter.value,
    authDatabase: nile.db,
    authMigrationDatabase: nile.db,
    close: async () => {
      await nile.db.clearConnections();
    },
  };
}
