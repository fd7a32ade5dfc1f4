import type { TenantId } from "@rookery/core";
import { nileAdapter } from "@rookery/nile";
import pg from "pg";
import { nileServer } from "../test-support/nile-server.js";
import { unitSql } from "../test-support/unit-sql.js";

/** Each tenant's unit holds its connection this long, so the tenants overlap. */
const HOLD = "SELECT pg_sleep(0.05)";

/**
 * Server connections of the application role at the peak, while every tenant
 * of `tenants` has a unit in flight: Rookery's one shared pool against the
 * SDK's pool per tenant context.
 */
export async function connectionsAt(
  o: { readonly appUrl: string; readonly superuserUrl: string },
  tenants: readonly string[],
): Promise<{ rookery: number; nileSdk: number }> {
  const monitor = new pg.Pool({ connectionString: o.superuserUrl, max: 1 });
  // Each side tags its connections, so the count is of that side's alone.
  const app = new pg.Pool({
    connectionString: o.appUrl,
    max: 10,
    pipeline: true,
    application_name: "rookery-bench",
  });
  try {
    const adapter = nileAdapter({ pool: app })._unsafeUnwrap();
    const rookery = await peakWhile(monitor, "rookery-bench", () =>
      Promise.all(
        tenants.map((t) =>
          adapter.tenant(t as TenantId, (u) => unitSql(u).asyncAndThen((s) => s.query(HOLD)), {
            intent: "read",
          }),
        ),
      ),
    );
    await app.end();
    const nile = nileServer(o.appUrl, { applicationName: "nile-sdk-bench" });
    // Errors (the server's connection limit, most likely) are part of the picture.
    const nileSdk = await peakWhile(monitor, "nile-sdk-bench", async () => {
      const calls: Promise<unknown>[] = [];
      for (const tenantId of tenants) {
        calls.push(nile.withContext({ tenantId }, (ctx) => ctx.query(HOLD)).catch(() => null));
        // Let each call take its context before the next one sets another.
        await new Promise((resolve) => setImmediate(resolve));
      }
      await Promise.all(calls);
    });
    nile.db.clearConnections();
    return { rookery, nileSdk };
  } finally {
    if (!app.ended) await app.end();
    await monitor.end();
  }
}

/** The most server connections tagged `application` seen while `load` runs. */
export async function peakWhile(
  monitor: pg.Pool,
  application: string,
  load: () => Promise<unknown>,
): Promise<number> {
  let peak = 0;
  let running = true;
  const watch = (async () => {
    while (running) {
      const { rows } = await monitor.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1",
        [application],
      );
      peak = Math.max(peak, rows[0]?.n ?? 0);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  try {
    await load();
  } finally {
    running = false;
    await watch;
  }
  return peak;
}
