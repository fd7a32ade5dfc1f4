import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import "./provided.js";
import { databaseUrl, roleUrl } from "./urls.js";

/** A database of its own for one test file, copied from the migrated template. */
export interface TestDatabase {
  readonly name: string;
  /** As the runtime role the adapter connects as. */
  readonly appUrl: string;
  /** As the role that owns the schema: for the application's own DDL. */
  readonly ownerUrl: string;
  /** As a superuser: for the inspector and for fault injection. */
  readonly superuserUrl: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const env = inject("postgres");
  const name = `${env.prefix}_${randomBytes(4).toString("hex")}`;
  await withAdmin(env.superuserUrl, (admin) =>
    admin.query(`CREATE DATABASE ${name} TEMPLATE ${env.template} OWNER ${env.ownerRole}`),
  );
  const superuserUrl = databaseUrl(env.superuserUrl, name);
  return {
    name,
    appUrl: roleUrl(superuserUrl, env.appRole, env.appPassword),
    ownerUrl: roleUrl(superuserUrl, env.ownerRole, env.ownerPassword),
    superuserUrl,
    drop: () => withAdmin(env.superuserUrl, (admin) => dropWhenIdle(admin, name)),
  };
}

/**
 * A pool's end() can resolve before its sockets are gone; forcing the drop
 * then would kill them and their clients would report it as uncaught errors.
 */
async function dropWhenIdle(admin: pg.Client, name: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const { rows } = await admin.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1",
      [name],
    );
    if ((rows[0]?.n ?? 0) === 0 || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
}

async function withAdmin<T>(url: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await body(admin);
  } finally {
    await admin.end();
  }
}
