import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrate } from "../src/schema/migrate.js";
import type { ProvidedPostgres } from "./provided.js";
import { startThrowawayCluster } from "./throwaway-cluster.js";
import { databaseUrl, roleUrl } from "./urls.js";

const APP_ROLE = "rookery_app";
const APP_PASSWORD = "rookery_app";
const OWNER_ROLE = "rookery_owner";
const OWNER_PASSWORD = "rookery_owner";

/**
 * Starts a throwaway PostgreSQL (or uses the superuser URL in
 * TEST_DATABASE_URL) and sets it up as docs/nile.md tells users to: an
 * ordinary owner role that owns the database and migrates it, and an
 * ordinary runtime role the adapter connects as, with the data privileges
 * the migration grants it. The template database is migrated in PostgreSQL
 * mode. Never skips: without a server the suite fails, loudly.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  const cluster = external === undefined ? await startThrowawayCluster() : undefined;
  const superuserUrl = external ?? cluster?.superuserUrl ?? "";
  const prefix = `rookery_t${randomBytes(3).toString("hex")}`;
  const template = `${prefix}_template`;

  const admin = new pg.Client({ connectionString: superuserUrl });
  await admin.connect();
  try {
    for (const [role, password] of [
      [OWNER_ROLE, OWNER_PASSWORD],
      [APP_ROLE, APP_PASSWORD],
    ] as const) {
      const exists = await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
      if (exists.rowCount === 0) {
        await admin.query(
          `CREATE ROLE ${role} LOGIN PASSWORD '${password}' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`,
        );
      }
    }
    await admin.query(`CREATE DATABASE ${template} OWNER ${OWNER_ROLE}`);
  } finally {
    await admin.end();
  }
  const owner = new pg.Pool({
    connectionString: roleUrl(databaseUrl(superuserUrl, template), OWNER_ROLE, OWNER_PASSWORD),
    max: 1,
  });
  const migrated = await migrate({ pool: owner, mode: "postgres", runtimeRole: APP_ROLE });
  await owner.end();
  if (migrated.isErr()) throw new Error(`Migrating the template failed: ${migrated.error.message}`);

  const provided: ProvidedPostgres = {
    superuserUrl,
    appRole: APP_ROLE,
    appPassword: APP_PASSWORD,
    ownerRole: OWNER_ROLE,
    ownerPassword: OWNER_PASSWORD,
    template,
    prefix,
  };
  project.provide("postgres", provided);

  return async () => {
    if (cluster !== undefined) {
      await cluster.stop();
      return;
    }
    const cleanup = new pg.Client({ connectionString: superuserUrl });
    await cleanup.connect();
    const { rows } = await cleanup.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [`${prefix}%`],
    );
    for (const { datname } of rows) await cleanup.query(`DROP DATABASE ${datname} WITH (FORCE)`);
    await cleanup.end();
  };
}
