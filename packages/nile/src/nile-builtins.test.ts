import type { Membership } from "@rookery/core";
import { type TenancyWorld, tenancyWorld } from "@rookery/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";

let env: OpenDatabase;
let world: TenancyWorld;

beforeAll(async () => {
  env = await openDatabase();
  world = await tenancyWorld(env.adapter);
});
afterAll(() => env.close());

const membershipRow = async (tenantId: string, userId: string) =>
  (
    await env.superuser.query<{ email: string | null; deleted: Date | null; roles: string[] }>(
      "SELECT email, deleted, roles FROM users.tenant_users WHERE tenant_id = $1 AND user_id = $2",
      [tenantId, userId],
    )
  ).rows[0];

describe("memberships as NileDB keeps them in users.tenant_users", () => {
  it("carry the member's e-mail", async () => {
    const { a } = world;
    const { rows } = await env.superuser.query<{ email: string }>(
      "SELECT email FROM users.users WHERE id = $1",
      [a.ids.admin],
    );
    expect((await membershipRow(a.tenantId, a.ids.admin))?.email).toBe(rows[0]?.email);
  });

  it("are soft-deleted on removal, and revived when the user is added back", async () => {
    const { a } = world;
    (await a.as.owner.members.remove(a.ids.member))._unsafeUnwrap();
    const removed = await membershipRow(a.tenantId, a.ids.member);
    expect(removed?.deleted).toBeInstanceOf(Date);
    expect((await a.as.owner.members.get(a.ids.member))._unsafeUnwrapErr().code).toBe("NOT_FOUND");

    const now = new Date().toISOString();
    const back: Membership = {
      tenantId: a.tenantId,
      userId: a.ids.member,
      role: "admin",
      createdAt: now,
      updatedAt: now,
    };
    (await env.adapter.tenant(a.tenantId, (u) => u.memberships.insert(back)))._unsafeUnwrap();
    const revived = await membershipRow(a.tenantId, a.ids.member);
    expect(revived).toMatchObject({ deleted: null, roles: ["admin"] });
    expect(revived?.email).not.toBeNull();
  });
});

describe("the PostgreSQL stand-ins of NileDB's built-in tables", () => {
  // As NileDB documents them (Built-in Tables), plus users.users.multi_factor,
  // which NileDB's auth service reads and writes.
  const NILEDB_COLUMNS: Record<string, readonly string[]> = {
    "public.tenants": [
      "id uuid NO",
      "name text YES",
      "created timestamp without time zone NO",
      "updated timestamp without time zone NO",
      "deleted timestamp without time zone YES",
    ],
    "users.users": [
      "id uuid NO",
      "created timestamp without time zone NO",
      "updated timestamp without time zone NO",
      "deleted timestamp without time zone YES",
      "name text YES",
      "family_name text YES",
      "given_name text YES",
      "email text YES",
      "picture text YES",
      "email_verified timestamp without time zone YES",
      "multi_factor text YES",
    ],
    "users.tenant_users": [
      "tenant_id uuid NO",
      "user_id uuid NO",
      "created timestamp without time zone NO",
      "updated timestamp without time zone NO",
      "deleted timestamp without time zone YES",
      "roles ARRAY YES",
      "email text YES",
    ],
  };

  it.each(Object.entries(NILEDB_COLUMNS))("%s has NileDB's columns", async (table, columns) => {
    const [schema, name] = table.split(".");
    const { rows } = await env.superuser.query<{ column: string }>(
      `SELECT column_name || ' ' || data_type || ' ' || is_nullable AS column
       FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2
       ORDER BY ordinal_position`,
      [schema, name],
    );
    // Rookery adds rookery_status to tenants; nothing else differs.
    expect(rows.map((r) => r.column).filter((c) => !c.startsWith("rookery_"))).toEqual(columns);
  });

  it("have NileDB's keys: e-mails unique among live users, memberships not cascading", async () => {
    const index = await env.superuser.query<{ def: string }>(
      "SELECT pg_get_indexdef('users.users_email_key'::regclass) AS def",
    );
    expect(index.rows[0]?.def).toMatch(
      /UNIQUE INDEX users_email_key .*\(email\) WHERE \(deleted IS NULL\)/,
    );
    const fk = await env.superuser.query<{ action: string }>(
      `SELECT confdeltype AS action FROM pg_constraint
       WHERE conname = 'tenant_users_tenant_id_fkey' AND conrelid = 'users.tenant_users'::regclass`,
    );
    expect(fk.rows).toEqual([{ action: "a" }]);
  });
});
