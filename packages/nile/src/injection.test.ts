import type { ResourceId, TenantId, WorkspaceId } from "@rookery/core";
import { expectOk, fixtures } from "@rookery/testing";
import { safeTry } from "neverthrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";

const NASTY = [
  "Robert'); DROP TABLE tenants; --",
  `x"; DELETE FROM rookery_workspaces; --`,
  "' OR '1'='1",
  "$1 $2 \\ ; -- /* */ %s %I",
  "Ünïcödé ' \" ` ; 🐧",
];

let env: OpenDatabase;
const f = fixtures();

beforeAll(async () => {
  env = await openDatabase();
});
afterAll(() => env.close());

const tableCount = async () =>
  (
    await env.superuser.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname IN ('public', 'users')",
    )
  ).rows[0]?.n;

describe("SQL metacharacters travel as parameters only", () => {
  it("names, e-mails, types and JSON data full of them are stored and read back verbatim", async () => {
    const tables = await tableCount();
    for (const [i, text] of NASTY.entries()) {
      const tenant = f.tenant({ name: text });
      const stored = await env.adapter.platform((u) => u.tenants.insert(tenant));
      expect(expectOk(stored, `inserting tenant ${i}`).name).toBe(text);
      const user = f.user({ name: text, email: `o'hara+${i}@example.com` });
      expectOk(await env.adapter.platform((u) => u.users.insert(user)), `inserting user ${i}`);
      const byEmail = await env.adapter.platform((u) => u.users.getByEmail(user.email));
      expect(expectOk(byEmail)?.name).toBe(text);

      const tenantId = tenant.id;
      const workspace = f.workspace({ tenantId, name: text });
      const type = `campaign' OR '1'='1${i}`;
      // Built by hand: the fixture parses with the model, which would refuse this type.
      const resource = {
        ...f.resource({ tenantId }),
        type,
        data: { [text]: text, nested: [text, { text }] },
      };
      const result = await env.adapter.tenant(tenantId, (u) =>
        safeTry(async function* () {
          yield* u.workspaces.insert(workspace);
          yield* u.resources.insert(resource);
          return u.resources.get(type, resource.id);
        }),
      );
      expect(expectOk(result, `writing and reading tenant ${i}'s rows`)).toEqual(resource);
    }
    expect(await tableCount()).toBe(tables);
    expect(await env.inspect.rows("workspaces")).toHaveLength(NASTY.length);
  });

  it("ids that are not UUIDs are refused as VALIDATION, never widened", async () => {
    // A tenant of its own, so that the reads below name a real tenant, not an absent one.
    const tenant = f.tenant();
    expectOk(await env.adapter.platform((u) => u.tenants.insert(tenant)), "inserting a tenant");
    const tenantsBefore = await env.inspect.rows("tenants");
    const fakeTenant = "' OR 1=1 --" as TenantId;
    const read = await env.adapter.tenant(fakeTenant, (u) => u.workspaces.list({ limit: 50 }), {
      intent: "read",
    });
    expect(read._unsafeUnwrapErr().code).toBe("VALIDATION");
    const write = await env.adapter.tenant(fakeTenant, (u) =>
      u.workspaces.insert({
        ...f.workspace({ tenantId: tenant.id }),
        tenantId: fakeTenant,
      }),
    );
    expect(write._unsafeUnwrapErr().code).toBe("VALIDATION");
    const fakeId = "x' OR '1'='1" as ResourceId;
    const get = await env.adapter.tenant(tenant.id, (u) => u.resources.get("campaign", fakeId));
    expect(get._unsafeUnwrapErr().code).toBe("VALIDATION");
    const filter = ["00000000-0000-0000-0000-000000000000' OR '1'='1" as WorkspaceId];
    const listed = await env.adapter.tenant(tenant.id, (u) =>
      u.workspaces.list({ limit: 50, ids: filter }),
    );
    expect(listed._unsafeUnwrapErr().code).toBe("VALIDATION");
    expect(await env.inspect.rows("tenants")).toEqual(tenantsBefore);
  });
});
