import type { TenantId } from "@rookery/core";
import { fixtures } from "@rookery/testing";
import { ok, safeTry } from "neverthrow";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";
import { startThrowawayCluster } from "../test-support/throwaway-cluster.js";
import { unitSql } from "../test-support/unit-sql.js";
import { migrate, nileAdapter } from "./index.js";

const f = fixtures();
let env: OpenDatabase;
let tenantId: TenantId;

beforeAll(async () => {
  env = await openDatabase();
  const tenant = f.tenant();
  (await env.adapter.platform((u) => u.tenants.insert(tenant)))._unsafeUnwrap();
  tenantId = tenant.id;
});
afterAll(() => env.close());

describe("faults", () => {
  it("a backend killed mid-unit leaves no partial write, and the next call succeeds", async () => {
    const result = await env.adapter.tenant(tenantId, (u) =>
      safeTry(async function* () {
        yield* u.workspaces.insert(f.workspace({ tenantId, name: "Half" }));
        const sql = yield* unitSql(u);
        const [backend] = yield* sql.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
        await env.superuser.query("SELECT pg_terminate_backend($1)", [backend?.pid]);
        yield* u.workspaces.insert(f.workspace({ tenantId, name: "Other half" }));
        return ok(undefined);
      }),
    );
    expect(result._unsafeUnwrapErr().code).toBe("UNAVAILABLE");
    expect(await env.inspect.rows("workspaces")).toEqual([]);
    const next = await env.adapter.tenant(tenantId, (u) =>
      u.workspaces.insert(f.workspace({ tenantId, name: "After" })),
    );
    expect(next._unsafeUnwrap().name).toBe("After");
  });

  it("a server restart between calls is survived", async () => {
    const cluster = await startThrowawayCluster();
    const pool = new pg.Pool({ connectionString: cluster.superuserUrl, max: 1 });
    await pool.query("CREATE ROLE owner LOGIN PASSWORD 'owner'");
    await pool.query("CREATE ROLE app LOGIN PASSWORD 'app'");
    await pool.query("CREATE DATABASE app OWNER owner");
    await pool.end();
    const ownerPool = new pg.Pool({
      connectionString: `postgres://owner:owner@127.0.0.1:${cluster.port}/app`,
      max: 1,
    });
    (await migrate({ pool: ownerPool, mode: "postgres", runtimeRole: "app" }))._unsafeUnwrap();
    await ownerPool.end();
    const appPool = new pg.Pool({
      connectionString: `postgres://app:app@127.0.0.1:${cluster.port}/app`,
      max: 4,
      pipeline: true,
    });
    // The restart drops the idle clients: the pool reports it here and replaces them.
    appPool.on("error", () => {});
    try {
      const adapter = nileAdapter({ pool: appPool })._unsafeUnwrap();
      const tenant = f.tenant();
      (await adapter.platform((u) => u.tenants.insert(tenant)))._unsafeUnwrap();
      await cluster.restart();
      const after = await adapter.platform((u) => u.tenants.get(tenant.id));
      expect(after._unsafeUnwrap()).toEqual(tenant);
    } finally {
      await appPool.end();
      await cluster.stop();
    }
  });
});
