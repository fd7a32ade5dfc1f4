import type { Server } from "@niledatabase/server";
import { uuidv7 } from "@rookery/core/adapter";

/** What the SDK's withContext + nile.query path did under concurrent load. */
export interface SdkTally {
  units: number;
  /** Units whose session carried another tenant's context. */
  wrongTenant: number;
  /** Units whose session carried no tenant at all. */
  noTenant: number;
  foreignRowsSeen: number;
  /** Statements that failed (under RLS a write in the wrong context is refused). */
  failed: number;
  /** Units still unfinished at the deadline. */
  stuck: number;
}

/**
 * The same per-unit work as the Rookery load, through `nile.withContext` and
 * `ctx.query`. Each unit first asks its session which tenant it is in.
 */
export async function sdkLoad(
  nile: Server,
  tenants: readonly string[],
  units: number,
  deadlineMs: number,
): Promise<SdkTally> {
  const tally: SdkTally = {
    units,
    wrongTenant: 0,
    noTenant: 0,
    foreignRowsSeen: 0,
    failed: 0,
    stuck: 0,
  };
  let finished = 0;
  const unit = async (tenantId: string) => {
    try {
      await nile.withContext({ tenantId }, async (ctx) => {
        const seen = await ctx.query(
          `SELECT current_setting('nile.tenant_id', true) AS ctx,
             (SELECT count(*)::int FROM rookery_resources WHERE tenant_id <> $1::uuid) AS foreign`,
          [tenantId],
        );
        const row = seen.rows[0] as { ctx: string | null; foreign: number };
        if (row.ctx === null || row.ctx === "") tally.noTenant += 1;
        else if (row.ctx !== tenantId) tally.wrongTenant += 1;
        tally.foreignRowsSeen += row.foreign;
        const now = new Date().toISOString();
        await ctx.query(
          `INSERT INTO rookery_resources (tenant_id, type, id, data, version, created_at, updated_at)
           VALUES ($1, 'sdk-probe', $2, $3, 1, $4, $4)`,
          [tenantId, uuidv7(), JSON.stringify({ writtenFor: tenantId }), now],
        );
      });
    } catch {
      tally.failed += 1;
    } finally {
      finished += 1;
    }
  };
  const all = Promise.all(
    Array.from({ length: units }, (_, i) => unit(tenants[i % tenants.length] ?? "")),
  );
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, deadlineMs);
  });
  await Promise.race([all, deadline]);
  clearTimeout(timer);
  tally.stuck = units - finished;
  return tally;
}
