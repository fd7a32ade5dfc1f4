import pg from "pg";
import { nileServer } from "../test-support/nile-server.js";
import { type SdkTally, sdkLoad } from "../test-support/sdk-load.js";
import { peakWhile } from "./connections.js";

/** What the SDK's withContext path ran under during the leak load, and its peak connections. */
export interface SdkContextFigures extends SdkTally {
  readonly tenants: number;
  readonly peakConnections: number;
}

const APPLICATION = "nile-sdk-leak";

/**
 * The leak test's load (`units` concurrent units over `tenants`) through the
 * SDK's `withContext` + `ctx.query`, on the same database and RLS policies as
 * Rookery's. Every tenant first gets a row, so a unit running under another
 * tenant's context has rows to see. A measurement: the SDK's path makes no
 * isolation promise, so nothing here is a pass or a fail.
 */
export async function sdkContextUnderLoad(
  o: { readonly appUrl: string; readonly superuserUrl: string },
  tenants: readonly string[],
  units: number,
  deadlineMs: number,
): Promise<SdkContextFigures> {
  const monitor = new pg.Pool({ connectionString: o.superuserUrl, max: 1 });
  const nile = nileServer(o.appUrl, { applicationName: APPLICATION });
  try {
    await monitor.query(
      `INSERT INTO rookery_resources (tenant_id, type, id, data, version, created_at, updated_at)
       SELECT t, 'sdk-seed', gen_random_uuid(), '{}', 1, now(), now() FROM unnest($1::uuid[]) t`,
      [tenants],
    );
    let tally: SdkTally | undefined;
    const peakConnections = await peakWhile(monitor, APPLICATION, async () => {
      tally = await sdkLoad(nile, tenants, units, deadlineMs);
    });
    if (tally === undefined) throw new Error("The SDK load reported nothing.");
    return { ...tally, tenants: tenants.length, peakConnections };
  } finally {
    nile.db.clearConnections();
    await monitor.end();
  }
}
