import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database.js";
import { runNileBench } from "./nile-bench.js";
import { reportLines } from "./report.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe("bench:nile smoke run (tiny counts)", () => {
  it("prints the six closing lines and meets the structural targets", async () => {
    const figures = await runNileBench({
      appUrl: db.appUrl,
      superuserUrl: db.superuserUrl,
      iterations: 20,
      rounds: 1,
      activeTenants: 30,
      sdkLoad: { units: 40, tenants: 10, deadlineMs: 1_000 },
      log: () => {},
    });
    const lines = reportLines(figures);
    expect(lines.map((line) => line.replace(/[0-9.]+/g, "N"))).toEqual([
      "ratio unit-app-read/raw-read: N",
      "ratio unit-N-app-statements/raw-transaction: N",
      "ratio unit-app-read/nile-sdk-read: N",
      "round trips per repository read: N",
      "connections at N tenants: rookery N, nile-sdk N",
      "nile-sdk withContext, N units over N tenants: N under another tenant, N under none, " +
        "N foreign rows seen, N failed, N unfinished, peak N connections",
    ]);
    expect(figures.roundTripsPerRead).toBeLessThanOrEqual(3);
    expect(figures.connections.rookery).toBeLessThanOrEqual(10);
    expect(Number.isFinite(figures.rawReadRatio)).toBe(true);
  });
});
