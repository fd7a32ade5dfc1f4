import type { ResourceId, TenantId, WorkspaceId } from "@rookery/core";
import { fixtures } from "@rookery/testing";
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
      expect(stored._unsafeUnwrap().name).toBe(text);
      const user = f.user({ name: text, email: `o'hara+${i}@example.com` });
      (await env.adapter.platform((u) => u.users.insert(user)))._unsafeUnwrap();
      const byEmail = await env.adapter.platform((u) => u.users.getByEmail(user.email));
      expect(byEmail._unsafeUnwrap()?.name).toBe(text);

      const tenantId = tenant.id;
      const workspace = f.workspace({ tenantId, name: text });
      const type = `campaign' OR '1'='1${i}`;
      // Built by hand: the fixture parses with the model, which would refuse this type.
      const resource = {
        ...f.resource({ tenantId }),
        type,
        data: { [text]: text, nested: [text, { text }] },
      };
      const result = await env.adapter.tenant(tenantId, async (u) => {
        (await u.workspaces.insert(workspace))._unsafeUnwrap();
        (await u.resources.insert(resource))._unsafeUnwrap();
        return u.resources.get(type, resource.id);
      });
      expect(result._unsafeUnwrap()).toEqual(resource);
    }
    expect(await tableCount()).toBe(tables);
    expect(await env.inspect.rows("workspaces")).toHaveLength(NASTY.length);
  });

  it("ids that are not UUIDs are refused as VALIDATION, never widened", async () => {
    const [tenant] = (await env.inspect.rows("tenants")) as { id: TenantId }[];
    const fakeTenant = "' OR 1=1 --" as TenantId;
    const read = await env.adapter.tenant(fakeTenant, (u) => u.workspaces.list({ limit: 50 }), {
      intent: "read",
    });
    expect(read._unsafeUnwrapErr().code).toBe("VALIDATION");
    const write = await env.adapter.tenant(fakeTenant, (u) =>
      u.workspaces.insert({
        ...f.workspace({ tenantId: tenant?.id as TenantId }),
        tenantId: fakeTenant,
      }),
    );
    expect(write._unsafeUnwrapErr().code).toBe("VALIDATION");
    const fakeId = "x' OR '1'='1" as ResourceId;
    const get = await env.adapter.tenant(tenant?.id as TenantId, (u) =>
      u.resources.get("campaign", fakeId),
    );
    expect(get._unsafeUnwrapErr().code).toBe("VALIDATION");
    const filter = ["00000000-0000-0000-0000-000000000000' OR '1'='1" as WorkspaceId];
    const listed = await env.adapter.tenant(tenant?.id as TenantId, (u) =>
      u.workspaces.list({ limit: 50, ids: filter }),
    );
    expect(listed._unsafeUnwrapErr().code).toBe("VALIDATION");
    expect(await env.inspect.rows("tenants")).toHaveLength(NASTY.length);
  });
});
