import { type RookeryError, RookeryErrors } from "@rookery/core";
import type { Work } from "@rookery/core/adapter";
import { err, type Result } from "neverthrow";
import type { Pool } from "pg";
import { checkout, giveBack } from "./checkout.js";
import { fromPgError } from "./pg-errors.js";
import { UnitSession, type UnitSpec } from "./unit-session.js";

/** What a unit tells its adapter besides its result. */
export interface UnitHooks {
  /** A statement failed in a way that suggests the schema changed: re-run the start-up check. */
  readonly onSchemaDoubt?: () => void;
}

/**
 * Runs one unit of work in its own transaction on a connection from `pool`,
 * and gives the connection back whatever happens. A connection that was lost
 * mid-unit, or whose state is unknown, is destroyed rather than returned, so
 * the pool never hands out a broken or half-finished session; one whose
 * statement merely failed (a timeout, a deadlock) is rolled back and reused.
 */
export async function runUnit<U, T>(
  pool: Pool,
  spec: UnitSpec,
  makeUnit: (session: UnitSession) => U,
  work: Work<U, T>,
  hooks: UnitHooks = {},
): Promise<Result<T, RookeryError>> {
  const checkedOut = await checkout(pool, (client) => new UnitSession(client, spec));
  if (checkedOut.isErr()) return err(fromPgError(checkedOut.error));
  const { client, value: session } = checkedOut.value;
  let outcome: Result<T, RookeryError>;
  try {
    // Pipelined, the work starts in the same tick: its first statements join
    // BEGIN and the prologue in one write.
    const opening = session.open();
    if (!session.pipelined) await opening;
    outcome = await work(makeUnit(session));
  } catch (cause) {
    outcome = err(
      RookeryErrors.internal("The unit of work threw; nothing it wrote was kept.", cause),
    );
  }
  const closing = await session.close(outcome.isOk());
  session.detach();
  giveBack(client, session.mustDestroy);
  if (session.schemaDoubt) hooks.onSchemaDoubt?.();
  if (outcome.isErr()) {
    // The work may pass on a statement's follow-on error; the unit's first
    // failure is the cause.
    return err(session.failure ?? outcome.error);
  }
  return closing === null ? outcome : err(closing);
}
