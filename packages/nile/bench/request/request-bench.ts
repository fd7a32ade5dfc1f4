import {
  type ResourceId,
  type RookeryError,
  RookeryErrors,
  type TenantId,
  type UserId,
} from "@rookery/core";
import { nileAdapter } from "@rookery/nile";
import { errAsync, ResultAsync } from "neverthrow";
import type pg from "pg";
import { nileServer } from "../../test-support/nile-server.js";
import { compare, ratio } from "../timing.js";
import { onTheWire, type WireCount } from "./on-the-wire.js";
import { RAW } from "./raw-queries.js";
import {
  sameStatementsCreate,
  sameStatementsGet,
  sameStatementsGetOneSync,
} from "./same-statements.js";
import { throughputAt, type UnderLoad } from "./throughput.js";
import { verifySameRows } from "./verify.js";
import { type BenchTenant, benchTenancy, buildTenants } from "./world.js";

export interface RequestBenchOptions {
  /** The migrated database as the ordinary application role. */
  readonly appUrl: string;
  /** The same database as a superuser: the raw baseline runs there, where RLS does not hide rows. */
  readonly superuserUrl: string;
  readonly tenants: number;
  readonly iterations: number;
  readonly rounds: number;
  /** Concurrent clients and total requests of the load phase. */
  readonly load: { readonly clients: number; readonly requests: number };
  readonly log: (line: string) => void;
}

export interface RequestFigures {
  readonly micros: Record<string, number>;
  readonly requestGet: WireCount;
  readonly underLoad: Record<
    "raw" | "rookery" | "same-statements" | "same-statements-one-sync",
    UnderLoad
  >;
}

/** Everything `pnpm bench:request` measures on PostgreSQL, in one run against one server. */
export async function runRequestBench(
  o: RequestBenchOptions,
  pools: { readonly app: pg.Pool; readonly raw: pg.Pool },
): Promise<RequestFigures> {
  const adapter = nileAdapter({ pool: pools.app })._unsafeUnwrap();
  const tenancy = benchTenancy(adapter);
  const tenants = (
    await buildTenants(tenancy, o.tenants, { members: 5, campaigns: 25 })
  )._unsafeUnwrap() as BenchTenant[];
  const nile = nileServer(o.appUrl);
  try {
    const at = (i: number) => tenants[i % tenants.length] as BenchTenant;
    const campaign = (i: number) => {
      const t = at(i);
      return [t, t.campaignIds[i % t.campaignIds.length] ?? ""] as const;
    };
    await verifySameRows(tenancy, tenants, pools.raw, nile);
    const session = (t: BenchTenant) => ({ userId: t.ownerId, tenantId: t.tenantId });

    const requestGet = await onTheWire(o.appUrl, (tenancyOn) => {
      const wired = benchTenancy(tenancyOn);
      return (i: number) => {
        const [t, id] = campaign(i);
        return wired.as(session(t)).andThen((scope) => scope.resources("campaign").get(id));
      };
    });
    o.log(`statements of a request-get:\n  ${requestGet.texts.join("\n  ")}`);
    // What the other calls send, so a statement that is not needed shows up here.
    type Call = (scope: BenchTenant["scope"], t: BenchTenant) => ResultAsync<unknown, unknown>;
    const others = {
      "scope-list": (scope: BenchTenant["scope"]) =>
        scope.resources("campaign").list({ limit: 20 }),
      "scope-create": (scope: BenchTenant["scope"], t: BenchTenant) =>
        scope
          .resources("campaign")
          .create({ workspaceId: t.workspaceId, data: { subject: "Wire", status: "draft" } }),
      "members-list": (scope: BenchTenant["scope"]) => scope.members.list({ limit: 20 }),
    };
    const wires: Partial<Record<keyof typeof others, WireCount>> = {};
    for (const [name, call] of Object.entries(others) as [keyof typeof others, Call][]) {
      const wire = await onTheWire(o.appUrl, (tenancyOn) => {
        const wired = benchTenancy(tenancyOn);
        return (i: number) => wired.as(session(at(i))).andThen((scope) => call(scope, at(i)));
      });
      wires[name] = wire;
      o.log(
        `statements of a ${name} (${wire.roundTrips} round trips):\n  ${wire.texts.join("\n  ")}`,
      );
    }
    const floor = sameStatementsGet(pools.app, requestGet.texts);
    const oneSyncFloor = sameStatementsGetOneSync(pools.app, requestGet.texts);
    const createFloor = sameStatementsCreate(pools.app, wires["scope-create"]?.texts ?? []);

    const reads = await compare(o.rounds, o.iterations, {
      raw: (i) => {
        const [t, id] = campaign(i);
        return pools.raw.query(RAW.get, [t.tenantId, id]);
      },
      "same-statements": (i) => {
        const [t, id] = campaign(i);
        return floor(t, id);
      },
      // The same unit through the adapter's port, without the services: the actor and the row
      // in one unit, as a scope-get sends them, minus parsing, policy and core's guard.
      "adapter-get": (i) => {
        const [t, id] = campaign(i);
        return must(
          adapter.tenant(
            t.tenantId as TenantId,
            (u) =>
              ResultAsync.combine([
                u.actor?.(t.ownerId as UserId) ?? errAsync(noActor),
                u.resources.get("campaign", id as ResourceId),
              ]),
            { intent: "read", actorId: t.ownerId as UserId },
          ),
        );
      },
      "scope-get": (i) => {
        const [t, id] = campaign(i);
        return must(t.scope.resources("campaign").get(id));
      },
      "request-get": (i) => {
        const [t, id] = campaign(i);
        return must(tenancy.as(session(t)).andThen((scope) => scope.resources("campaign").get(id)));
      },
      "request-get-by-user": (i) => {
        const [t, id] = campaign(i);
        return must(tenancy.as(t.ownerId).andThen((scope) => scope.resources("campaign").get(id)));
      },
      "nile-sdk-get": (i) => {
        const [t, id] = campaign(i);
        return nile.withContext({ tenantId: t.tenantId }, (ctx) =>
          ctx.query(RAW.get, [t.tenantId, id]),
        );
      },
    });
    o.log(`reads, µs per call: ${JSON.stringify(rounded(reads))}`);

    const lists = await compare(o.rounds, Math.max(1, Math.floor(o.iterations / 2)), {
      "raw-list": (i) => pools.raw.query(RAW.list, [at(i).tenantId]),
      "scope-list": (i) => must(at(i).scope.resources("campaign").list({ limit: 20 })),
      "raw-members": (i) => pools.raw.query(RAW.members, [at(i).tenantId]),
      "members-list": (i) => must(at(i).scope.members.list({ limit: 20 })),
    });
    o.log(`lists, µs per call: ${JSON.stringify(rounded(lists))}`);

    const writes = await compare(o.rounds, Math.max(1, Math.floor(o.iterations / 4)), {
      "raw-insert": (i) => {
        const t = at(i);
        return pools.raw.query(RAW.insert, [
          t.tenantId,
          t.workspaceId,
          JSON.stringify({ subject: "Raw", status: "draft" }),
          t.ownerId,
        ]);
      },
      "scope-create": (i) => {
        const t = at(i);
        return must(
          t.scope
            .resources("campaign")
            .create({ workspaceId: t.workspaceId, data: { subject: "Bench", status: "draft" } }),
        );
      },
      "same-statements-create": (i) => createFloor(at(i)),
    });
    o.log(`writes, µs per call: ${JSON.stringify(rounded(writes))}`);

    const underLoad = await throughputAt(o.load, {
      raw: (i) => {
        const [t, id] = campaign(i);
        return pools.raw.query(RAW.get, [t.tenantId, id]);
      },
      rookery: (i) => {
        const [t, id] = campaign(i);
        return must(tenancy.as(session(t)).andThen((scope) => scope.resources("campaign").get(id)));
      },
      "same-statements": (i) => {
        const [t, id] = campaign(i);
        return floor(t, id);
      },
      "same-statements-one-sync": (i) => {
        const [t, id] = campaign(i);
        return oneSyncFloor(t, id);
      },
    });
    return { micros: { ...reads, ...lists, ...writes }, requestGet, underLoad };
  } finally {
    nile.db.clearConnections();
  }
}

const noActor: RookeryError = RookeryErrors.internal(
  "The adapter reads no actor in one statement.",
);

export const requestRatios = (f: RequestFigures) => ({
  sameStatements: ratio(f.micros["same-statements"], f.micros.raw),
  scopeGetOverSameStatements: ratio(f.micros["scope-get"], f.micros["same-statements"]),
  adapterGet: ratio(f.micros["adapter-get"], f.micros.raw),
  scopeGetOverAdapter: ratio(f.micros["scope-get"], f.micros["adapter-get"]),
  scopeGet: ratio(f.micros["scope-get"], f.micros.raw),
  requestGet: ratio(f.micros["request-get"], f.micros.raw),
  requestGetByUser: ratio(f.micros["request-get-by-user"], f.micros.raw),
  nileSdkGet: ratio(f.micros["nile-sdk-get"], f.micros.raw),
  scopeCreate: ratio(f.micros["scope-create"], f.micros["raw-insert"]),
  scopeList: ratio(f.micros["scope-list"], f.micros["raw-list"]),
  membersList: ratio(f.micros["members-list"], f.micros["raw-members"]),
  throughput: ratio(f.underLoad.raw.perSecond, f.underLoad.rookery.perSecond),
  sameStatementsCreate: ratio(f.micros["same-statements-create"], f.micros["raw-insert"]),
  throughputFloor: ratio(f.underLoad.raw.perSecond, f.underLoad["same-statements"].perSecond),
  throughputOneSyncFloor: ratio(
    f.underLoad.raw.perSecond,
    f.underLoad["same-statements-one-sync"].perSecond,
  ),
});

/** A Rookery call timed only if it succeeds: an error answers fast and would flatter the figure. */
async function must<T, E>(call: ResultAsync<T, E>): Promise<void> {
  const result = await call;
  if (result.isErr())
    throw new Error(`bench:request: a call failed: ${JSON.stringify(result.error)}`);
}

const rounded = (figures: Record<string, number>) =>
  Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, Math.round(v)]));
