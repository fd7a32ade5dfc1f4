import type { TenantId } from "@rookery/core";
import { fixtures } from "@rookery/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";
import { whileWriteUnitOpen } from "../test-support/while-write-unit-open.js";
import { nileAdapter } from "./index.js";

let env: OpenDatabase;
let lockWaiting: pg.Pool;
const f = fixtures();
// An id with hex letters, so that its spellings really differ.
const tenant = f.tenant({ id: "0198c0de-ab1e-7abc-9def-abcdefabcdef" as TenantId });

beforeAll(async () => {
  env = await openDatabase();
  (await env.adapter.platform((u) => u.tenants.insert(tenant)))._unsafeUnwrap();
  // A second pool that gives up on a lock after 200 ms: a write unit of the
  // same tenant then fails as UNAVAILABLE instead of waiting.
  lockWaiting = new pg.Pool({ connectionString: env.db.appUrl, max: 1, lock_timeout: 200 });
  lockWaiting.on("error", () => {});
});
afterAll(async () => {
  await lockWaiting.end();
  await env.close();
});

describe("write units of one tenant are serialised whatever the spelling of its id", () => {
  it.each([
    ["upper case", (id: string) => id.toUpperCase()],
    ["braces", (id: string) => `{${id}}`],
  ])(
    "a write unit naming the tenant in %s waits for one naming it in lower case",
    async (_, spell) => {
      const other = nileAdapter({ pool: lockWaiting })._unsafeUnwrap();
      const spelled = spell(tenant.id) as TenantId;
      const meanwhile = await whileWriteUnitOpen(env.adapter, tenant.id, () =>
        other.tenant(spelled, (u) => u.workspaces.count()),
      );
      expect(meanwhile._unsafeUnwrapErr().code).toBe("UNAVAILABLE");
      const after = await other.tenant(spelled, (u) => u.workspaces.count());
      expect(after.isOk()).toBe(true);
    },
  );
});
