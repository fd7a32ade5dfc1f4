import { createHash } from "node:crypto";
import type { MemoryAdapter } from "@rookery/memory";
import type pg from "pg";
import { canonical } from "../support/normalise.js";

/** Every base table of the database's own schemas, shared and tenant-aware alike. */
const ALL_TABLES = `
SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
ORDER BY 1`;

/**
 * A digest of every row of every table, read as a superuser in one statement:
 * equal before and after a call exactly when the call wrote nothing.
 */
export async function postgresFingerprint(superuser: pg.Pool): Promise<() => Promise<string>> {
  const tables = (await superuser.query<{ name: string }>(ALL_TABLES)).rows.map((r) => r.name);
  const parts = tables.map(
    (t) =>
      `SELECT '${t}' || ':' || md5(coalesce(string_agg(r::text, ',' ORDER BY r::text), '')) AS part FROM ${t} r`,
  );
  const sql = `SELECT md5(string_agg(part, '|' ORDER BY part)) AS digest FROM (${parts.join(" UNION ALL ")}) s`;
  return async () => (await superuser.query<{ digest: string }>(sql)).rows[0]?.digest ?? "";
}

/** The same for the in-memory store: a digest of its whole snapshot. */
export function memoryFingerprint(adapter: MemoryAdapter): () => Promise<string> {
  return async () => createHash("sha256").update(canonical(adapter.snapshot())).digest("hex");
}
