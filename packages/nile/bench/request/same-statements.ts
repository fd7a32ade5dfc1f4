import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { BenchTenant } from "./world.js";

/**
 * The floor of a scope-get's design: the five statements a request-get was
 * seen sending on the wire (BEGIN READ ONLY, the context, the actor, the row,
 * COMMIT), sent by hand in one flight on the same pipelined pool as named
 * prepared statements, with none of Rookery's code around them. What a
 * scope-get costs beyond this is the JavaScript of the adapter and services.
 */
export function sameStatementsGet(
  pool: pg.Pool,
  texts: readonly string[],
): (t: BenchTenant, id: string) => Promise<void> {
  const [begin, context, actor, row, commit] = texts;
  if (
    texts.length !== 5 ||
    begin !== "BEGIN READ ONLY" ||
    commit !== "COMMIT" ||
    context === undefined ||
    actor === undefined ||
    row === undefined
  ) {
    throw new Error(
      `bench:request: a request-get no longer sends the five statements this floor replays:\n${texts.join("\n")}`,
    );
  }
  return async (t, id) => {
    const client = await pool.connect();
    try {
      const [, , , found] = await Promise.all([
        client.query(begin),
        client.query({
          name: "floor_context",
          text: context,
          values: [t.tenantId, randomUUID(), t.ownerId],
        }),
        client.query({ name: "floor_actor", text: actor, values: [t.tenantId, t.ownerId] }),
        client.query({ name: "floor_row", text: row, values: [t.tenantId, "campaign", id] }),
        client.query(commit),
      ]);
      if (found.rows.length !== 1) throw new Error("bench:request: the floor found no row");
    } finally {
      client.release();
    }
  };
}
