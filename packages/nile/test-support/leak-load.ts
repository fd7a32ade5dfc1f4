import type { ResourceId, RookeryAdapter, TenantId } from "@rookery/core";
import { uuidv7 } from "@rookery/core/adapter";
import { ok, safeTry } from "neverthrow";
import { unitSql } from "./unit-sql.js";

/** What a load run saw: rows of another tenant read or written, and failures. */
export interface LeakTally {
  units: number;
  foreignRowsSeen: number;
  foreignWrites: number;
  failures: number;
}

const at = () => new Date().toISOString();

/**
 * `units` concurrent units over `tenants`, each reading its tenant's probe
 * rows twice (through the repository, and with raw SQL that has no tenant
 * filter at all, so only the database context keeps it in) and writing one.
 */
export async function rookeryLoad(
  adapter: RookeryAdapter,
  tenants: readonly TenantId[],
  units: number,
): Promise<LeakTally> {
  const tally: LeakTally = { units, foreignRowsSeen: 0, foreignWrites: 0, failures: 0 };
  const results = await Promise.all(
    Array.from({ length: units }, (_, i) => {
      const tenantId = tenants[i % tenants.length] as TenantId;
      return adapter.tenant(tenantId, (u) =>
        safeTry(async function* () {
          const sql = yield* unitSql(u);
          const raw = yield* sql.query<{ tenant_id: string }>(
            "SELECT DISTINCT tenant_id FROM rookery_resources",
          );
          tally.foreignRowsSeen += raw.filter((r) => r.tenant_id !== tenantId).length;
          const page = yield* u.resources.list({ type: "probe", workspaces: "all", limit: 5 });
          tally.foreignRowsSeen += page.items.filter((r) => r.tenantId !== tenantId).length;
          const now = at();
          yield* u.resources.insert({
            tenantId,
            id: uuidv7() as ResourceId,
            type: "probe",
            workspaceId: null,
            data: { writtenFor: tenantId },
            version: 1,
            createdBy: null,
            createdAt: now,
            updatedAt: now,
          });
          return ok(undefined);
        }),
      );
    }),
  );
  tally.failures = results.filter((r) => r.isErr()).length;
  return tally;
}

/** Rows whose stored tenant differs from the tenant they were written for. */
export const MISPLACED_ROWS = `SELECT count(*)::int AS n FROM rookery_resources
  WHERE type = 'probe' AND data->>'writtenFor' <> tenant_id::text`;
