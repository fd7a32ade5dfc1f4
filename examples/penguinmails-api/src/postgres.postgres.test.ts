import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import "../../../packages/nile/test-support/provided.js";
import { databaseUrl, roleUrl } from "../../../packages/nile/test-support/urls.js";
import { type RunningServer, startServer } from "./server.js";
import { Client, expectProblem, signedIn } from "./testing/api-client.js";

// The example on PostgreSQL as its README says to run it: an empty database the
// owner role owns, DATABASE_OWNER_URL to migrate (Rookery's tables, then
// better-auth's) and DATABASE_URL, the runtime role, to run.
const postgres = inject("postgres");
const name = `${postgres.prefix}_app_${randomBytes(3).toString("hex")}`;
const onDatabase = databaseUrl(postgres.superuserUrl, name);
const env = {
  DATABASE_URL: roleUrl(onDatabase, postgres.appRole, postgres.appPassword),
  DATABASE_OWNER_URL: roleUrl(onDatabase, postgres.ownerRole, postgres.ownerPassword),
  BETTER_AUTH_SECRET: "a-test-secret-that-is-long-enough-to-sign",
};
const superuser = new pg.Pool({ connectionString: onDatabase, max: 2 });
superuser.on("error", () => {});
let server: RunningServer;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: postgres.superuserUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} OWNER ${postgres.ownerRole}`);
  await admin.end();
  server = await startServer({ port: 0, env, seed: true, log: () => {} });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await superuser.end();
}, 60_000);

describe("the example on PostgreSQL", () => {
  it("migrates at start: better-auth's tables beside Rookery's, owned by the owner, used by the runtime role", async () => {
    expect(server.mode).toBe("postgres");
    const { rows } = await superuser.query<{
      tablename: string;
      tableowner: string;
      runtime: boolean;
    }>(
      `SELECT tablename, tableowner, has_table_privilege($1, 'public.' || quote_ident(tablename), 'SELECT, INSERT, UPDATE, DELETE') AS runtime
         FROM pg_tables WHERE schemaname = 'public' AND tablename IN ('user', 'session', 'account', 'verification', 'rookery_resources')
        ORDER BY tablename`,
      [postgres.appRole],
    );
    expect(rows).toEqual(
      ["account", "rookery_resources", "session", "user", "verification"].map((tablename) => ({
        tablename,
        tableowner: postgres.ownerRole,
        runtime: true,
      })),
    );
  });

  it("serves the seeded companies, isolated by the database too", async () => {
    const pat = await signedIn(server, "pat@penguin.example");
    const kim = await signedIn(server, "kim@krill.example");
    const names = (await pat.get("/api/workspaces")).body.items.map(
      (w: { name: string }) => w.name,
    );
    expect(names.sort()).toEqual(["Acme Client", "Globex Client"]);
    const spring = server.seeded?.resources.spring;
    expect((await pat.get(`/api/campaigns/${spring}`)).body.data.subject).toBe("Spring launch");
    const foreign = await kim.get(`/api/campaigns/${spring}`);
    expectProblem(foreign, 404, "NOT_FOUND");
    expect(foreign.text).toBe(
      (await kim.get("/api/campaigns/0190a000-0000-7000-8000-00000000f00d")).text,
    );
    const { rows } = await superuser.query("SELECT count(*)::int AS n FROM rookery_resources");
    expect(rows[0].n).toBe(12);
  });

  it("keeps accounts and sessions across a restart on the same database", async () => {
    const max = await signedIn(server, "max@penguin.example");
    await server.close();
    server = await startServer({ port: 0, env, seed: false, log: () => {} });
    const again = new Client(server.url);
    again.cookie = max.cookie;
    expect((await again.get("/api/me/permissions")).body.role).toBe("member");
    expect(
      (await signedIn(server, "ada@penguin.example").then((c) => c.get("/api/members"))).status,
    ).toBe(200);
  });
});
