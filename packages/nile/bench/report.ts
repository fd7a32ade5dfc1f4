import type { BenchFigures } from "./nile-bench.js";
import type { SdkContextFigures } from "./sdk-context.js";

const two = (x: number) => x.toFixed(2);

/** The closing lines of `pnpm bench:nile`, each named for what it times. */
export function reportLines(f: BenchFigures): string[] {
  return [
    `ratio unit-app-read/raw-read: ${two(f.rawReadRatio)}`,
    `ratio unit-5-app-statements/raw-transaction: ${two(f.rawUowRatio)}`,
    `ratio unit-app-read/nile-sdk-read: ${two(f.nileSdkReadRatio)}`,
    `round trips per repository read: ${Number.isInteger(f.roundTripsPerRead) ? f.roundTripsPerRead : two(f.roundTripsPerRead)}`,
    `connections at 1000 tenants: rookery ${f.connections.rookery}, nile-sdk ${f.connections.nileSdk}`,
    sdkContextLine(f.sdkContext),
  ];
}

/** The leak load through the SDK's path: which tenant its units really ran under. */
function sdkContextLine(s: SdkContextFigures): string {
  return (
    `nile-sdk withContext, ${s.units} units over ${s.tenants} tenants: ` +
    `${s.wrongTenant} under another tenant, ${s.noTenant} under none, ` +
    `${s.foreignRowsSeen} foreign rows seen, ${s.failed} failed, ${s.stuck} unfinished, ` +
    `peak ${s.peakConnections} connections`
  );
}
