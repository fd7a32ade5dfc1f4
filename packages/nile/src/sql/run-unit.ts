import { type RookeryError, RookeryErrors } from "@rookery/core";
import type { Work } from "@rookery/core/adapter";
import { err, type Result } from "neverthrow";
import type { Pool, PoolClient } from "pg";
import { fromPgError } from "./pg-errors.js";
import { UnitSession, type UnitSpec } from "./unit-session.js";

/**
 * Runs one unit of work in its own transaction on a connection from `pool`,
 * and gives the connection back whatever happens. A connection that failed
 * mid-unit is destroyed rather than returned, so the pool never hands out a
 * broken or half-finished session.
 */
export async function runUnit<U, T>(
  pool: Pool,
  spec: UnitSpec,
  makeUnit: (session: UnitSession) => U,
  work: Work<U, T>,
): Promise<Result<T, RookeryError>> {
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (cause) {
    return err(fromPgError(cause));
  }
  const session = new UnitSession(client, spec);
  let outcome: Result<T, RookeryError>;
  try {
    await session.open();
    outcome = await work(makeUnit(session));
  } catch (cause) {
    outcome = err(
      RookeryErrors.internal("The unit of work threw; nothing it wrote was kept.", cause),
    );
  }
  const closing = await session.close(outcome.isOk());
  session.detach();
  client.release(session.connectionLost || closing?.code === "UNAVAILABLE");
  if (outcome.isErr()) return outcome;
  return closing === null ? outcome : err(closing);
}
