import type { BenchFigures } from "./nile-bench.js";

const two = (x: number) => x.toFixed(2);

/** The closing lines of `pnpm bench:nile`, in the order the issue names them. */
export function reportLines(f: BenchFigures): string[] {
  return [
    `ratio rookery/raw-read: ${two(f.rawReadRatio)}`,
    `ratio rookery/raw-uow: ${two(f.rawUowRatio)}`,
    `ratio rookery/nile-sdk-read: ${two(f.nileSdkReadRatio)}`,
    `round trips per scoped read: ${Number.isInteger(f.roundTripsPerRead) ? f.roundTripsPerRead : two(f.roundTripsPerRead)}`,
    `connections at 1000 tenants: rookery ${f.connections.rookery}, nile-sdk ${f.connections.nileSdk}`,
  ];
}
