import { type TenancyWorld, tenancyWorld } from "@rookery/testing";
import { ok } from "neverthrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";
import { rowSecurityStatements } from "./index.js";

let env: OpenDatabase;
let world: TenancyWorld;

beforeAll(async () => {
  env = await openDatabase();
  await env.owner.query(`CREATE TABLE app_notes (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id serial, workspace_id uuid NOT NULL, body text NOT NULL, PRIMARY KEY (tenant_id, id))`);
  for (const sql of rowSecurityStatements("app_notes")._unsafeUnwrap()) await env.owner.query(sql);
  world = await tenancyWorld(env.adapter);
});
afterAll(() => env.close());

describe("scope.sql: the application's own tables through a user's scope", () => {
  it("runs in the scope's tenant with the policy's workspaces, and another tenant sees nothing", async () => {
    const { a, b } = world;
    const note = (ws: string, body: string) =>
      a.as.owner.sql(
        (db) => db.sql`INSERT INTO app_notes (tenant_id, workspace_id, body)
        VALUES (${db.tenantId}, ${ws}, ${body}) RETURNING body`,
      );
    (await note(a.ws1, "in ws1"))._unsafeUnwrap();
    (await note(a.ws2, "in ws2; DROP TABLE app_notes; --"))._unsafeUnwrap();

    const visibleTo = (scope: typeof a.as.member) =>
      scope.sql(
        (db) =>
          db.sql<{ body: string }>`SELECT body FROM app_notes
            WHERE (${db.workspaceIds}::uuid[] IS NULL OR workspace_id = ANY (${db.workspaceIds}::uuid[]))
            ORDER BY id`.map((rows) => rows.map((r) => r.body)),
        { intent: "read" },
      );
    expect((await visibleTo(a.as.owner))._unsafeUnwrap()).toEqual([
      "in ws1",
      "in ws2; DROP TABLE app_notes; --",
    ]);
    expect((await visibleTo(a.as.member))._unsafeUnwrap()).toEqual(["in ws1"]);
    expect((await visibleTo(b.as.owner))._unsafeUnwrap()).toEqual([]);
    const counted = await b.as.owner.sql(
      (db) => db.query("SELECT count(*)::int AS n FROM app_notes").map((rows) => rows[0]?.n),
      { intent: "read" },
    );
    expect(counted._unsafeUnwrap()).toBe(0);
  });

  it("a removed member's scope can no longer run SQL", async () => {
    const { a } = world;
    const member = a.as.member;
    (await a.as.owner.members.remove(a.ids.member))._unsafeUnwrap();
    const result = await member.sql(() => Promise.resolve(ok(1)), { intent: "read" });
    expect(result._unsafeUnwrapErr().code).toBe("NOT_FOUND");
  });
});
