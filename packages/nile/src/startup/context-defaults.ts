import { type RookeryError, RookeryErrors } from "@rookery/core";
import type { PoolClient } from "pg";

const CONTEXT = ["nile.tenant_id", "nile.user_id", "rookery.unit"] as const;

const READ = `SELECT ${CONTEXT.map(
  (name, i) => `pg_catalog.current_setting('${name}', true) AS c${i}`,
).join(", ")}`;

/**
 * The refusal of a connection that starts with a tenant or user context, or
 * null. Rookery sets the context in each unit, transaction-locally; outside
 * one, a tenant-aware query must see no tenant. A context that a connection
 * option (`options: "-c nile.tenant_id=…"`), or a role or database default,
 * gives every session would put each query run outside a unit (a platform
 * unit, the application's own queries on the pool) in that tenant.
 */
export async function checkContextDefaults(client: PoolClient): Promise<RookeryError | null> {
  const { rows } = await client.query<Record<string, string | null>>(READ);
  const row = rows[0] ?? {};
  const set = CONTEXT.filter((_, i) => (row[`c${i}`] ?? "") !== "");
  if (set.length === 0) return null;
  return RookeryErrors.configuration(
    `The pool's connections start with ${set.join(", ")} set (a connection option, or a role or database default): every query outside Rookery's units would run in that context. Remove it; Rookery sets the context in each unit.`,
  );
}
