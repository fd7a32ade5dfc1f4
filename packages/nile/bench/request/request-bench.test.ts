import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test-support/test-database.js";
import { memoryScopeGet } from "./memory-figure.js";
import { requestReportLines } from "./report.js";
import { runRequestBench } from "./request-bench.js";

let db: TestDatabase;
let app: pg.Pool;
let raw: pg.Pool;
beforeAll(async () => {
  db = await createTestDatabase();
  app = new pg.Pool({ connectionString: db.appUrl, max: 10, pipeline: true });
  raw = new pg.Pool({ connectionString: db.superuserUrl, max: 10 });
  for (const pool of [app, raw]) pool.on("error", () => {});
});
afterAll(async () => {
  await app.end();
  await raw.end();
  await db.drop();
});

describe("bench:request smoke run (tiny counts)", () => {
  it("verifies the contenders agree, prints every line, and a request-get takes at most two round trips on the wire", async () => {
    const figures = await runRequestBench(
      {
        appUrl: db.appUrl,
        superuserUrl: db.superuserUrl,
        tenants: 3,
        iterations: 10,
        rounds: 1,
        load: { clients: 8, requests: 40 },
        log: () => {},
      },
      { app, raw },
    );
    const lines = requestReportLines(figures, await memoryScopeGet(20), 8);
    expect(lines.map((line) => line.replace(/[0-9.]+/g, "N"))).toEqual([
      "ratio scope-get/raw: N",
      "ratio request-get/raw: N",
      "ratio scope-create/raw-insert: N",
      "ratio scope-list/raw-list: N",
      "statements per request-get: N",
      "round trips per request-get: N",
      "ratio raw/rookery requests per second at N clients: N",
      "memory scope-get: N µs (Map lookup: N µs)",
      "ratio request-get-by-user/raw: N",
      "ratio nile-sdk-get/raw: N",
      "ratio members-list/raw-members: N",
      "ratio same-statements/raw: N",
      "ratio adapter-get/raw: N",
      "ratio scope-get/adapter-get: N",
      "ratio scope-get/same-statements: N",
      "ratio same-statements-create/raw-insert: N",
      "ratio raw/same-statements requests per second at N clients: N",
      "memory scope-create: N µs at N rows, N µs at N rows",
      "ratio raw/same-statements-one-sync requests per second at N clients: N",
      'client CPU per request at N clients, µs: {"raw":N,"rookery":N,"same-statements":N,"same-statements-one-sync":N}',
    ]);
    // Structure, not speed: counted on the wire, whatever the machine's load.
    expect(figures.requestGet.roundTrips).toBeLessThanOrEqual(2);
    expect(figures.requestGet.texts.length).toBe(figures.requestGet.statements);
  });
});
