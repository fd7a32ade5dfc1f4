import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrate } from "../src/schema/migrate.js";
import type { ProvidedPostgres } from "./provided.js";
import { startThrowawayCluster } from "./throwaway-cluster.js";
import { databaseUrl, roleUrl } from "./urls.js";

const APP_ROLE = "rookery_app";
const APP_PASSWORD = "rookery_app";

/**
 * Starts a throwaway PostgreSQL (or uses the superuser URL in
 * TEST_DATABASE_URL), creates the ordinary application role and a template
 * database migrated in PostgreSQL mode by that role. Never skips: without a
 * server the suite fails, loudly.
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
    const exists = await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
    if (exists.rowCount === 0) {
      await admin.query(
        `CREATE ROLE ${APP_ROLE} LOGIN PASSWORD '${APP_PASSWORD}' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`,
      );
    }
    await admin.query(`CREATE DATABASE ${template} OWNER ${APP_ROLE}`);
  } finally {
    await admin.end();
  }
  const app = new pg.Pool({
    connectionString: roleUrl(databaseUrl(superuserUrl, template), APP_ROLE, APP_PASSWORD),
    max: 1,
  });
  const migrated = await migrate({ pool: app, mode: "postgres" });
  await app.end();
  if (migrated.isErr()) throw new Error(`Migrating the template failed: ${migrated.error.message}`);

  const provided: ProvidedPostgres = {
    superuserUrl,
    appRole: APP_ROLE,
    appPassword: APP_PASSWORD,
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
