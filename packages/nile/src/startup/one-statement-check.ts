import { type RookeryError, RookeryErrors } from "@rookery/core";
import type { PoolClient } from "pg";
import { applicationQuery } from "../sql/application-query.js";
import { pgCode } from "../sql/pg-errors.js";

/**
 * The refusal of a client that would run several statements in one call of
 * the application's SQL, or null. Sent as the application's statements are,
 * two statements must be refused by the server (42601); a `pg` older than
 * 8.12 ignores `queryMode`, sends them with the simple protocol, and the
 * server runs both, so `SELECT 1; COMMIT` in `scope.sql` would commit the
 * unit's writes mid-call and run what follows outside its transaction and
 * tenant context. Any other failure is the check's own, to be retried.
 */
export async function checkOneStatementPerCall(client: PoolClient): Promise<RookeryError | null> {
  try {
    await client.query(applicationQuery("SELECT 1; SELECT 2", []));
  } catch (cause) {
    if (pgCode(cause) === "42601") return null;
    throw cause;
  }
  return RookeryErrors.configuration(
    "The pool's client ran two statements sent as one call of the application's SQL: its pg ignores `queryMode` (pg before 8.12), so `scope.sql` could end the unit's transaction and run outside its tenant context. Install pg 8.12 or later.",
  );
}
