import type { TenantId, WorkspaceId } from "@rookery/core";
import { fixtures } from "@rookery/testing";
import { ok, safeTry } from "neverthrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";
import { unitSql } from "../test-support/unit-sql.js";
import { rowSecurityStatements } from "./index.js";

const f = fixtures();
let env: OpenDatabase;
const [a, b] = [f.tenant(), f.tenant()];
const [wa1, wa2] = [f.workspace({ tenantId: a.id }), f.workspace({ tenantId: a.id })];

beforeAll(async () => {
  env = await openDatabase();
  await env.owner.query(`CREATE TABLE app_contacts (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id serial, workspace_id uuid, email text NOT NULL, PRIMARY KEY (tenant_id, id))`);
  for (const sql of rowSecurityStatements("app_contacts")._unsafeUnwrap())
    await env.owner.query(sql);
  for (const t of [a, b]) (await env.adapter.platform((u) => u.tenants.insert(t)))._unsafeUnwrap();
  (
    await env.adapter.tenant(a.id, (u) =>
      safeTry(async function* () {
        yield* u.workspaces.insert(wa1);
        yield* u.workspaces.insert(wa2);
        return ok(undefined);
      }),
    )
  )._unsafeUnwrap();
});
afterAll(() => env.close());

const addContact = (tenantId: TenantId, email: string, workspaceId: WorkspaceId | null) =>
  env.adapter.tenant(tenantId, (u) =>
    safeTry(async function* () {
      const sql = yield* unitSql(u);
      // No tenant_id in the values: the column default is not set, so take it from the unit.
      return sql.query(
        `INSERT INTO app_contacts (tenant_id, workspace_id, email) VALUES ($1, $2, $3) RETURNING email`,
        [sql.tenantId, workspaceId, email],
      );
    }),
  );

describe("the unit's query member, for the application's tables", () => {
  it("runs in the unit's tenant context: another tenant's rows are invisible", async () => {
    (await addContact(a.id, "ada@example.com", wa1.id))._unsafeUnwrap();
    (await addContact(a.id, "bob@example.com", wa2.id))._unsafeUnwrap();
    (await addContact(b.id, "eve@example.com", null))._unsafeUnwrap();
    const seen = await env.adapter.tenant(
      b.id,
      (u) =>
        unitSql(u).asyncAndThen((sql) =>
          sql.query<{ email: string }>("SELECT email FROM app_contacts"),
        ),
      { intent: "read" },
    );
    expect(seen._unsafeUnwrap()).toEqual([{ email: "eve@example.com" }]);
  });

  it("cannot write another tenant's rows, and rolls back with the unit", async () => {
    const foreign = await env.adapter.tenant(a.id, (u) =>
      unitSql(u).asyncAndThen((sql) =>
        sql.query("INSERT INTO app_contacts (tenant_id, email) VALUES ($1, 'x@example.com')", [
          b.id,
        ]),
      ),
    );
    // Row security refuses the row: the policy's WITH CHECK names the unit's tenant.
    expect(foreign._unsafeUnwrapErr().code).toBe("INTERNAL");
    const { rows } = await env.superuser.query("SELECT email FROM app_contacts ORDER BY email");
    expect(rows.map((r) => r.email)).toEqual([
      "ada@example.com",
      "bob@example.com",
      "eve@example.com",
    ]);
  });
});
