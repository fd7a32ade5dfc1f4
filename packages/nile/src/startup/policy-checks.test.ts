import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../../test-support/open-database.js";
import { roleUrl } from "../../test-support/urls.js";
import { type NileAdapter, nileAdapter, rowSecurityStatements } from "../index.js";

let env: OpenDatabase;
const pools: pg.Pool[] = [];
const suffix = randomBytes(3).toString("hex");

beforeAll(async () => {
  env = await openDatabase({ max: 2 });
});
afterAll(async () => {
  for (const pool of pools) await pool.end();
  await env.close();
});
afterEach(async () => {
  await env.superuser.query("DROP VIEW IF EXISTS app_all_stats");
  await env.superuser.query("DROP FUNCTION IF EXISTS app_definer()");
  await env.owner.query("DROP TABLE IF EXISTS app_stats CASCADE");
});

/** A fresh adapter over the runtime role's pool: its verdict is its own. */
const freshAdapter = (options: { onWarning?: (w: string) => void } = {}): NileAdapter =>
  nileAdapter({ pool: env.app, ...options })._unsafeUnwrap();

const guardedTable = async () => {
  await env.owner.query(`CREATE TABLE app_stats (tenant_id uuid NOT NULL REFERENCES tenants (id),
    id uuid NOT NULL, sent integer NOT NULL, PRIMARY KEY (tenant_id, id))`);
  for (const sql of rowSecurityStatements("app_stats")._unsafeUnwrap()) await env.owner.query(sql);
};

describe("the start-up check reads what a policy allows, not its name", () => {
  it("accepts the guarded table it is given", async () => {
    await guardedTable();
    expect((await freshAdapter().verify()).isOk()).toBe(true);
  });

  it("refuses another permissive policy on a tenant table, such as USING (true)", async () => {
    await guardedTable();
    await env.owner.query("CREATE POLICY app_stats_open ON app_stats USING (true)");
    const refusal = (await freshAdapter().verify())._unsafeUnwrapErr();
    expect(refusal.code).toBe("CONFIGURATION");
    expect(refusal.message).toMatch(/app_stats.*permissive policy app_stats_open/);
  });

  it("refuses the expected policy altered to USING (true)", async () => {
    await guardedTable();
    await env.owner.query("ALTER POLICY rookery_tenant_isolation ON app_stats USING (true)");
    const refusal = (await freshAdapter().verify())._unsafeUnwrapErr();
    expect(refusal.message).toMatch(/app_stats/);
  });

  it("refuses a policy with the expected name that allows every row", async () => {
    await env.owner.query(`CREATE TABLE app_stats (tenant_id uuid NOT NULL, n integer)`);
    await env.owner.query("ALTER TABLE app_stats ENABLE ROW LEVEL SECURITY");
    await env.owner.query("ALTER TABLE app_stats FORCE ROW LEVEL SECURITY");
    await env.owner.query(
      "CREATE POLICY rookery_tenant_isolation ON app_stats USING (true) WITH CHECK (true)",
    );
    const refusal = (await freshAdapter().verify())._unsafeUnwrapErr();
    expect(refusal.message).toMatch(/app_stats/);
  });

  it("refuses a policy limited to some commands or roles, and accepts an extra restrictive one", async () => {
    await guardedTable();
    await env.owner.query("DROP POLICY rookery_tenant_isolation ON app_stats");
    await env.owner.query(`CREATE POLICY rookery_tenant_isolation ON app_stats FOR SELECT
      USING (tenant_id = nullif(current_setting('nile.tenant_id', true), '')::uuid)`);
    expect((await freshAdapter().verify())._unsafeUnwrapErr().message).toMatch(/app_stats/);
    for (const sql of rowSecurityStatements("app_stats")._unsafeUnwrap())
      await env.owner.query(sql);
    await env.owner.query(
      "CREATE POLICY app_stats_positive ON app_stats AS RESTRICTIVE USING (sent >= 0)",
    );
    expect((await freshAdapter().verify()).isOk()).toBe(true);
  });

  it("refuses a materialized view of tenant rows the runtime role can read", async () => {
    await guardedTable();
    await env.owner.query(
      "CREATE MATERIALIZED VIEW app_stats_totals AS SELECT tenant_id, sum(sent) AS sent FROM app_stats GROUP BY tenant_id",
    );
    const refusal = (await freshAdapter().verify())._unsafeUnwrapErr();
    expect(refusal.message).toMatch(/app_stats_totals \(materialized view\)/);
  });

  it("refuses a view of tenant rows owned by a superuser that the runtime role can read", async () => {
    await guardedTable();
    await env.superuser.query("CREATE VIEW app_all_stats AS SELECT * FROM app_stats");
    await env.superuser.query("GRANT SELECT ON app_all_stats TO rookery_app");
    const refusal = (await freshAdapter().verify())._unsafeUnwrapErr();
    expect(refusal.message).toMatch(/app_all_stats \(view\)/);
    await env.superuser.query("ALTER VIEW app_all_stats SET (security_invoker = true)");
    expect((await freshAdapter().verify()).isOk()).toBe(true);
  });

  it("warns once about a SECURITY DEFINER function of a superuser the runtime role may run", async () => {
    await env.superuser.query(
      "CREATE FUNCTION app_definer() RETURNS bigint LANGUAGE sql SECURITY DEFINER AS 'SELECT count(*) FROM rookery_workspaces'",
    );
    const warnings: string[] = [];
    const adapter = freshAdapter({ onWarning: (w) => warnings.push(w) });
    const report = (await adapter.verify())._unsafeUnwrap();
    expect(report.warnings).toEqual([expect.stringMatching(/app_definer\(\).*SECURITY DEFINER/)]);
    (await adapter.verify())._unsafeUnwrap();
    expect(warnings).toHaveLength(1);
  });
});

describe("the start-up check refuses a role that can become a privileged one", () => {
  const member = `rookery_member_${suffix}`;

  beforeAll(async () => {
    await env.superuser.query(`CREATE ROLE ${member} LOGIN PASSWORD 'member'`);
    await env.superuser.query(`GRANT rookery_app TO ${member}`);
  });
  afterAll(async () => {
    await env.superuser.query(`DROP OWNED BY ${member}`);
    await env.superuser.query(`DROP ROLE ${member}`);
  });

  const memberAdapter = () => {
    const pool = new pg.Pool({
      connectionString: roleUrl(env.db.superuserUrl, member, "member"),
      max: 1,
    });
    pool.on("error", () => {});
    pools.push(pool);
    return nileAdapter({ pool })._unsafeUnwrap();
  };

  it("accepts it while it is a member of ordinary roles only", async () => {
    expect((await memberAdapter().verify()).isOk()).toBe(true);
  });

  it.each([
    ["BYPASSRLS", "BYPASSRLS"],
    ["SUPERUSER", "SUPERUSER"],
  ])("refuses it once it is a member, even indirectly, of a %s role", async (_, attribute) => {
    const privileged = `rookery_${attribute.toLowerCase()}_${suffix}`;
    const middle = `rookery_middle_${suffix}`;
    await env.superuser.query(`CREATE ROLE ${privileged} NOLOGIN ${attribute}`);
    await env.superuser.query(`CREATE ROLE ${middle} NOLOGIN`);
    await env.superuser.query(`GRANT ${privileged} TO ${middle}`);
    await env.superuser.query(`GRANT ${middle} TO ${member}`);
    try {
      const refusal = (await memberAdapter().verify())._unsafeUnwrapErr();
      expect(refusal.code).toBe("CONFIGURATION");
      expect(refusal.message).toMatch(
        new RegExp(`can become a superuser or BYPASSRLS role.*${privileged}`),
      );
    } finally {
      await env.superuser.query(`DROP ROLE ${middle}`);
      await env.superuser.query(`DROP ROLE ${privileged}`);
    }
  });
});
