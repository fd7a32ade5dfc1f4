import type pg from "pg";

export interface Seeded {
  /** Tenant ids, each with one workspace. */
  readonly tenants: readonly string[];
  readonly workspaces: readonly string[];
}

/** `count` tenants with one workspace each, written directly (setup, not measured). */
export async function seedTenants(superuser: pg.Pool, count: number): Promise<Seeded> {
  const { rows } = await superuser.query<{ tenant: string; workspace: string }>(
    `WITH t AS (
       INSERT INTO tenants (id, name) SELECT gen_random_uuid(), 'Tenant ' || g FROM generate_series(1, $1) g
       RETURNING id)
     INSERT INTO rookery_workspaces (tenant_id, id, name, status, created_at, updated_at)
     SELECT id, gen_random_uuid(), 'Main', 'active', now(), now() FROM t
     RETURNING tenant_id AS tenant, id AS workspace`,
    [count],
  );
  return { tenants: rows.map((r) => r.tenant), workspaces: rows.map((r) => r.workspace) };
}
