import type pg from "pg";
import { rowSecurityStatements } from "../src/index.js";

/**
 * The application's own tenant-aware table, created by the owner role as an
 * application would (the migration's default privileges give the runtime
 * role its data privileges), under the row-security policy.
 */
export async function createAppNotes(owner: pg.Pool): Promise<void> {
  await owner.query(`CREATE TABLE app_notes (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id serial, body text NOT NULL, PRIMARY KEY (tenant_id, id))`);
  for (const sql of rowSecurityStatements("app_notes")._unsafeUnwrap()) await owner.query(sql);
}

/** Adds notes for a tenant as a superuser (no policy applies). */
export async function seedNotes(
  superuser: pg.Pool,
  tenantId: string,
  bodies: readonly string[],
): Promise<void> {
  for (const body of bodies) {
    await superuser.query("INSERT INTO app_notes (tenant_id, body) VALUES ($1, $2)", [
      tenantId,
      body,
    ]);
  }
}

/** A tenant's notes as stored, read as a superuser. */
export async function storedNotes(superuser: pg.Pool, tenantId: string): Promise<string[]> {
  const { rows } = await superuser.query<{ body: string }>(
    "SELECT body FROM public.app_notes WHERE tenant_id = $1 ORDER BY id",
    [tenantId],
  );
  return rows.map((row) => row.body);
}
