import { isDeepStrictEqual } from "node:util";
import { penguinMails } from "@rookery/testing";
import pg from "pg";
import { inspector } from "../../../packages/nile/test-support/inspector.js";
import { postgresFingerprint } from "./fingerprint.js";
import { type Expectation, invariantViolations } from "./invariants.js";
import { rowVisibilityViolations } from "./row-visibility.js";
import { SQL_INVARIANTS, TENANT_AWARE_TABLES } from "./sql-invariants.js";
import { type StoreState, TABLES } from "./state.js";

export interface OracleReport {
  readonly violations: readonly string[];
  /** Tenant-aware rows whose visibility was checked, plus rows the invariants read. */
  readonly rowsChecked: number;
}

/** The independent checker of one PostgreSQL database, outside Rookery. */
export interface PostgresOracle {
  /** Isolation (as the ordinary role), the invariants in SQL, and again on the rows read. */
  check(expect: Expectation): Promise<OracleReport>;
  /** Everything stored, read as a superuser, in the model's shape. */
  state(): Promise<StoreState>;
  /** A digest of every row of every table: unchanged exactly when nothing was written. */
  fingerprint(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Opens the oracle's own connections: a superuser pool (RLS does not apply)
 * and a pool of the ordinary role the adapter runs as, apart from the
 * adapter's pool so that the oracle never borrows its connections.
 */
export async function postgresOracle(urls: {
  readonly superuserUrl: string;
  readonly appUrl: string;
}): Promise<PostgresOracle> {
  const superuser = new pg.Pool({ connectionString: urls.superuserUrl, max: 2 });
  const app = new pg.Pool({ connectionString: urls.appUrl, max: 1 });
  for (const pool of [superuser, app]) {
    // A restarted or terminated server drops idle clients: reported here, then replaced.
    pool.on("error", () => {});
  }
  const tables = (await superuser.query<{ name: string }>(TENANT_AWARE_TABLES)).rows.map(
    (r) => r.name,
  );
  const inspect = inspector(superuser);
  const fingerprint = await postgresFingerprint(superuser);
  const state = async (): Promise<StoreState> => {
    const entries = await Promise.all(
      TABLES.map(async (table) => [table, await inspect.rows(table)] as const),
    );
    return Object.fromEntries(entries) as unknown as StoreState;
  };
  return {
    state,
    fingerprint,
    check: async (expect) => {
      const [visibility, sql, rows] = await Promise.all([
        rowVisibilityViolations(superuser, app, tables),
        superuser.query<{ rule: string; subject: string }>(SQL_INVARIANTS, [
          expect.settled,
          JSON.stringify(expect.plans ?? penguinMails().plans),
        ]),
        state(),
      ]);
      const inSql = sql.rows.map((r) => `${r.rule}: ${r.subject}`);
      const onRows = invariantViolations(rows, expect);
      const disagreement = isDeepStrictEqual(new Set(inSql.map(rule)), new Set(onRows.map(rule)))
        ? []
        : [`the SQL and the row checks disagree: ${JSON.stringify({ inSql, onRows })}`];
      return {
        violations: [...visibility.violations, ...inSql, ...onRows, ...disagreement],
        rowsChecked: visibility.rowsChecked + TABLES.reduce((n, t) => n + rows[t].length, 0),
      };
    },
    close: async () => {
      await superuser.end();
      await app.end();
    },
  };
}

const rule = (line: string) => line.slice(0, line.indexOf(":"));
