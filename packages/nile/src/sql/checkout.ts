import { err, ok, type Result } from "neverthrow";
import type { Pool, PoolClient } from "pg";

/** A client checked out of a pool, with what was attached to it on hand-over. */
export interface CheckedOut<V> {
  readonly client: PoolClient;
  readonly value: V;
}

/**
 * Checks a client out and runs `attach` on it in the pool's own callback.
 * The pool takes its error listener off a client as it hands it over, and a
 * server's "terminating connection" can arrive in the same network read as
 * the end of a fresh connection's start-up: with a promise, the client would
 * be listener-less until the caller resumes, and that error would be thrown
 * as uncaught. In the callback there is no such gap.
 */
export function checkout<V>(
  pool: Pool,
  attach: (client: PoolClient) => V,
): Promise<Result<CheckedOut<V>, unknown>> {
  return new Promise((resolve) => {
    pool.connect((error, client) => {
      if (error !== undefined && error !== null) resolve(err(error));
      else if (client === undefined) resolve(err(new Error("The pool handed out no client.")));
      else resolve(ok({ client, value: attach(client) }));
    });
  });
}

/**
 * Returns a client to its pool, or destroys it. A destroyed client is ended
 * here and then released without an error: the pool drops an ended client
 * all the same, while a release with an error makes NileDB's SDK end its
 * whole pool, and units already waiting on that pool never settle.
 */
export function giveBack(client: PoolClient, destroy: boolean): void {
  if (destroy) client.end().catch(() => undefined);
  client.release();
}
