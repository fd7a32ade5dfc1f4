import type { TenantId } from "@rookery/core";
import { nileAdapter } from "@rookery/nile";
import { ok, safeTry } from "neverthrow";
import pg from "pg";
import { nileServer } from "../test-support/nile-server.js";
import { startRoundTripProxy } from "../test-support/round-trip-proxy.js";
import { unitSql } from "../test-support/unit-sql.js";
import { connectionsAt } from "./connections.js";
import { type SdkContextFigures, sdkContextUnderLoad } from "./sdk-context.js";
import { seedTenants } from "./seed.js";
import { compare, ratio } from "./timing.js";

export interface BenchOptions {
  /** The migrated database as the ordinary application role. */
  readonly appUrl: string;
  /** The same database as a superuser (the raw baseline and the monitor). */
  readonly superuserUrl: string;
  /** Calls per contender per round. */
  readonly iterations: number;
  readonly rounds: number;
  /** Tenants active at once for the connection count. */
  readonly activeTenants: number;
  /** The leak load through the SDK's withContext path: units over tenants, and how long to wait. */
  readonly sdkLoad: {
    readonly units: number;
    readonly tenants: number;
    readonly deadlineMs: number;
  };
  readonly log: (line: string) => void;
}

export interface BenchFigures {
  readonly rawReadRatio: number;
  readonly rawUowRatio: number;
  readonly nileSdkReadRatio: number;
  readonly roundTripsPerRead: number;
  readonly connections: { readonly rookery: number; readonly nileSdk: number };
  readonly sdkContext: SdkContextFigures;
}

const READ = "SELECT id, name FROM rookery_workspaces WHERE tenant_id = $1 AND id = $2";
/** The 5 statements of the unit-of-work comparison. */
const UOW: readonly (readonly [sql: string, params: 1 | 2])[] = [
  [READ, 2],
  ["SELECT count(*) FROM rookery_workspaces WHERE tenant_id = $1", 1],
  ["UPDATE rookery_workspaces SET updated_at = now() WHERE tenant_id = $1 AND id = $2", 2],
  [
    `INSERT INTO rookery_audit_events (tenant_id, id, action, target_type, target_id, at)
     VALUES ($1, gen_random_uuid(), 'workspace.touch', 'workspace', $2::text, now())`,
    2,
  ],
  ["SELECT count(*) FROM rookery_audit_events WHERE tenant_id = $1", 1],
];

/** Everything `pnpm bench:nile` measures, in one run against one server. */
export async function runNileBench(o: BenchOptions): Promise<BenchFigures> {
  const superuser = new pg.Pool({ connectionString: o.superuserUrl, max: 10 });
  const app = new pg.Pool({ connectionString: o.appUrl, max: 10, pipeline: true });
  const nile = nileServer(o.appUrl);
  try {
    const seeded = await seedTenants(superuser, Math.max(o.activeTenants, o.sdkLoad.tenants, 10));
    const adapter = nileAdapter({ pool: app })._unsafeUnwrap();
    (await adapter.verify())._unsafeUnwrap();
    // A few tenants rotate in the timed loops, so the SDK keeps a few pools, not thousands.
    const pick = (i: number) => {
      const k = i % 10;
      return [seeded.tenants[k] as TenantId, seeded.workspaces[k] as string] as const;
    };

    const reads = await compare(o.rounds, o.iterations, {
      raw: (i) => superuser.query(READ, [...pick(i)]),
      rookery: (i) => {
        const [t, w] = pick(i);
        return adapter.tenant(t, (u) => unitSql(u).asyncAndThen((s) => s.query(READ, [t, w])), {
          intent: "read",
        });
      },
      sdk: (i) => {
        const [t, w] = pick(i);
        return nile.withContext({ tenantId: t }, (ctx) => ctx.query(READ, [t, w]));
      },
    });
    o.log(`one application read in a unit, µs per call: ${JSON.stringify(rounded(reads))}`);

    const uows = await compare(o.rounds, Math.max(1, Math.floor(o.iterations / 4)), {
      raw: async (i) => {
        const client = await superuser.connect();
        try {
          await client.query("BEGIN");
          for (const [sql, n] of UOW) await client.query(sql, pick(i).slice(0, n));
          await client.query("COMMIT");
        } finally {
          client.release();
        }
      },
      rookery: (i) => {
        const [t, w] = pick(i);
        return adapter.tenant(t, (u) =>
          safeTry(async function* () {
            const s = yield* unitSql(u);
            for (const [sql, n] of UOW) yield* s.query(sql, [t, w].slice(0, n));
            return ok(undefined);
          }),
        );
      },
    });
    o.log(
      `5 application statements in a write unit, µs per call: ${JSON.stringify(rounded(uows))}`,
    );

    const roundTripsPerRead = await countRoundTrips(o.appUrl, pick);
    const connections = await connectionsAt(o, seeded.tenants.slice(0, o.activeTenants));
    // Last: units still unfinished at its deadline are abandoned, not awaited.
    const sdkContext = await sdkContextUnderLoad(
      o,
      seeded.tenants.slice(0, o.sdkLoad.tenants),
      o.sdkLoad.units,
      o.sdkLoad.deadlineMs,
    );
    return {
      rawReadRatio: ratio(reads.rookery, reads.raw),
      rawUowRatio: ratio(uows.rookery, uows.raw),
      nileSdkReadRatio: ratio(reads.rookery, reads.sdk),
      roundTripsPerRead,
      connections,
      sdkContext,
    };
  } finally {
    nile.db.clearConnections();
    await app.end();
    await superuser.end();
  }
}

/** Scoped reads through a relay that counts the waits on the wire. */
async function countRoundTrips(
  appUrl: string,
  pick: (i: number) => readonly [TenantId, string],
): Promise<number> {
  const url = new URL(appUrl);
  const proxy = await startRoundTripProxy(url.hostname, Number(url.port));
  url.hostname = "127.0.0.1";
  url.port = String(proxy.port);
  const pool = new pg.Pool({ connectionString: url.toString(), max: 1, pipeline: true });
  try {
    const adapter = nileAdapter({ pool })._unsafeUnwrap();
    const read = (i: number) => {
      const [t, w] = pick(i);
      return adapter.tenant(t, (u) => u.workspaces.get(w as never), { intent: "read" });
    };
    for (let i = 0; i < 5; i++) (await read(i))._unsafeUnwrap();
    proxy.reset();
    const n = 50;
    for (let i = 0; i < n; i++) (await read(i))._unsafeUnwrap();
    return proxy.roundTrips() / n;
  } finally {
    await pool.end();
    await proxy.close();
  }
}

const rounded = (figures: Record<string, number>) =>
  Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Math.round(v)]));
