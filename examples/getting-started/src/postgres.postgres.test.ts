import { randomBytes } from "node:crypto";
import { rowSecurityStatements } from "@rookery/nile";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApp } from "./app.js";
import { notesOf } from "./notes.js";
import { onPostgres } from "./postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    postgres: { readonly superuserUrl: string; readonly prefix: string };
  }
}

// The roles of the page: an owner that migrates, a runtime role the application uses.
const ROLES = { app_owner: "owner-password", app_runtime: "runtime-password" } as const;
const { superuserUrl, prefix } = inject("postgres");
const database = `${prefix}_gs_${randomBytes(3).toString("hex")}`;
const urlOf = (role: keyof typeof ROLES) => {
  const url = new URL(superuserUrl);
  url.pathname = `/${database}`;
  url.username = role;
  url.password = ROLES[role];
  return url.toString();
};

async function asSuperuser(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  // What the page's SQL does, once per cluster (roles are shared by its databases).
  for (const [role, password] of Object.entries(ROLES)) {
    await asSuperuser(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN
        CREATE ROLE ${role} LOGIN NOSUPERUSER NOBYPASSRLS;
      END IF;
    END $$`);
    await asSuperuser(`ALTER ROLE ${role} PASSWORD '${password}'`);
  }
  await asSuperuser(`CREATE DATABASE ${database} OWNER app_owner`);
  process.env.DATABASE_OWNER_URL = urlOf("app_owner");
  process.env.DATABASE_URL = urlOf("app_runtime");
});

const pools: pg.Pool[] = [];
afterAll(async () => {
  for (const pool of pools) await pool.end();
  await asSuperuser(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});

describe("getting started on PostgreSQL", () => {
  it("migrates with the two roles, then serves the same routes over nileAdapter", async () => {
    const { report, pool, tenancy } = (await onPostgres())._unsafeUnwrap();
    pools.push(pool);
    expect(report.applied.length).toBeGreaterThan(0);
    expect(report.runtimeRole).toBe("app_runtime");

    const penguin = (
      await tenancy.platform.provisionTenant({
        name: "Penguin Corp",
        plan: "starter",
        owner: { email: "pat@penguin.example" },
        firstWorkspace: { name: "Acme Client" },
      })
    )._unsafeUnwrap();
    const krill = (
      await tenancy.platform.provisionTenant({
        name: "Krill Inc",
        plan: "starter",
        owner: { email: "kim@krill.example" },
      })
    )._unsafeUnwrap();
    const sessions = new Map([
      ["Bearer pat", penguin.owner.userId],
      ["Bearer kim", krill.owner.userId],
    ]);
    const app = createApp(
      tenancy,
      async (authorization) => sessions.get(authorization ?? "") ?? null,
    );
    const post = await app.request(`/api/workspaces/${penguin.workspace?.id}/campaigns`, {
      method: "POST",
      headers: { authorization: "Bearer pat", "content-type": "application/json" },
      body: JSON.stringify({ subject: "Spring sale" }),
    });
    expect(post.status).toBe(201);
    const { id } = (await post.json()) as { id: string };
    const own = await app.request(`/api/campaigns/${id}`, {
      headers: { authorization: "Bearer pat" },
    });
    expect(own.status).toBe(200);
    const foreign = await app.request(`/api/campaigns/${id}`, {
      headers: { authorization: "Bearer kim" },
    });
    expect(foreign.status).toBe(404);
  });

  it("runs docs/nile.md's setup: a pipelined pool of the runtime role, and the NileDB SDK's pool", async () => {
    const runtime = new URL(urlOf("app_runtime"));
    // What the SDK reads from the environment; the auth service URL is never called.
    process.env.NILEDB_API_URL = "http://127.0.0.1:9/unused";
    process.env.NILEDB_USER = runtime.username;
    process.env.NILEDB_PASSWORD = runtime.password;
    process.env.NILEDB_POSTGRES_URL = runtime.toString();
    const setup = await import("./nile-setup.js");
    pools.push(setup.pool);
    try {
      expect(setup.adapter.isOk()).toBe(true);
      const pgAdapter = setup.pgAdapter._unsafeUnwrap();
      expect((await pgAdapter.verify()).isOk()).toBe(true);
      const { rows } = await setup.nile.db.query("SELECT current_user AS role");
      expect(rows[0]?.role).toBe("app_runtime");
    } finally {
      await setup.nile.db.clearConnections();
    }
  });

  it("runs docs/nile.md's scoped SQL: a member reads the notes of their workspaces only", async () => {
    const owner = new pg.Pool({ connectionString: urlOf("app_owner"), max: 1 });
    pools.push(owner);
    await owner.query(`CREATE TABLE app_notes (
      tenant_id uuid NOT NULL REFERENCES tenants (id), id uuid NOT NULL DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL, body text NOT NULL, PRIMARY KEY (tenant_id, id))`);
    for (const statement of rowSecurityStatements("app_notes")._unsafeUnwrap()) {
      await owner.query(statement);
    }

    const { pool, tenancy } = (await onPostgres())._unsafeUnwrap();
    pools.push(pool);
    const signup = (
      await tenancy.platform.provisionTenant({
        name: "Notes Corp",
        plan: "growth",
        owner: { email: "nora@notes.example" },
        firstWorkspace: { name: "North" },
      })
    )._unsafeUnwrap();
    const nora = (await tenancy.as(signup.owner.userId))._unsafeUnwrap();
    const south = (await nora.workspaces.create({ name: "South" }))._unsafeUnwrap();
    const north = signup.workspace?.id;
    for (const [workspaceId, body] of [
      [north, "north note"],
      [south.id, "south note"],
    ]) {
      const wrote = await nora.sql(
        (db) =>
          db.sql`INSERT INTO app_notes (tenant_id, workspace_id, body) VALUES (${db.tenantId}, ${workspaceId}, ${body})`,
      );
      expect(wrote.isOk()).toBe(true);
    }
    const user = (
      await tenancy.platform.registerUser({ email: "max@notes.example", subject: "max" })
    )._unsafeUnwrap();
    (await nora.members.add({ userId: user.id }))._unsafeUnwrap();
    (await nora.workspaces.assign(south.id, user.id))._unsafeUnwrap();
    const max = (await tenancy.as(user.id))._unsafeUnwrap();

    const all = (await notesOf(nora))._unsafeUnwrap();
    expect(all.map((n) => n.body).sort()).toEqual(["north note", "south note"]);
    const assigned = (await notesOf(max))._unsafeUnwrap();
    expect(assigned.map((n) => n.body)).toEqual(["south note"]);
  });
});
