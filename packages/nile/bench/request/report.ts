import type { MemoryCreates } from "./memory-figure.js";
import { type RequestFigures, requestRatios } from "./request-bench.js";

const two = (x: number) => x.toFixed(2);
const count = (x: number) => (Number.isInteger(x) ? String(x) : two(x));

/** The closing lines of `pnpm bench:request`: the seven, then what explains them. */
export function requestReportLines(
  f: RequestFigures,
  memory: {
    readonly scopeGet: number;
    readonly mapLookup: number;
    readonly createAt: MemoryCreates;
  },
  clients: number,
): string[] {
  const r = requestRatios(f);
  return [
    `ratio scope-get/raw: ${two(r.scopeGet)}`,
    `ratio request-get/raw: ${two(r.requestGet)}`,
    `ratio scope-create/raw-insert: ${two(r.scopeCreate)}`,
    `ratio scope-list/raw-list: ${two(r.scopeList)}`,
    `statements per request-get: ${count(f.requestGet.statements)}`,
    `round trips per request-get: ${count(f.requestGet.roundTrips)}`,
    `ratio raw/rookery requests per second at ${clients} clients: ${two(r.throughput)}`,
    `memory scope-get: ${memory.scopeGet.toFixed(1)} µs (Map lookup: ${memory.mapLookup.toFixed(2)} µs)`,
    `ratio request-get-by-user/raw: ${two(r.requestGetByUser)}`,
    `ratio nile-sdk-get/raw: ${two(r.nileSdkGet)}`,
    `ratio members-list/raw-members: ${two(r.membersList)}`,
    `ratio same-statements/raw: ${two(r.sameStatements)}`,
    `ratio adapter-get/raw: ${two(r.adapterGet)}`,
    `ratio scope-get/adapter-get: ${two(r.scopeGetOverAdapter)}`,
    `ratio scope-get/same-statements: ${two(r.scopeGetOverSameStatements)}`,
    `ratio same-statements-create/raw-insert: ${two(r.sameStatementsCreate)}`,
    `ratio raw/same-statements requests per second at ${clients} clients: ${two(r.throughputFloor)}`,
    `memory scope-create: ${memory.createAt.micros[0].toFixed(1)} µs at ${memory.createAt.rows[0]} rows, ${memory.createAt.micros[1].toFixed(1)} µs at ${memory.createAt.rows[1]} rows`,
    `ratio raw/same-statements-one-sync requests per second at ${clients} clients: ${two(r.throughputOneSyncFloor)}`,
    `client CPU per request at ${clients} clients, µs: ${JSON.stringify(cpuPerRequest(f))}`,
  ];
}

/** This process's CPU per request under load, whole µs, in the contenders' order. */
const cpuPerRequest = (f: RequestFigures) =>
  Object.fromEntries(
    Object.entries(f.underLoad).map(([name, load]) => [name, Math.round(load.cpuMicros)]),
  );
