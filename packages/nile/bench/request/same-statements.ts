import { randomUUID } from "node:crypto";
import type pg from "pg";
import { type BatchStatement, oneSync } from "./one-sync.js";
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
  const statements = getStatements(texts);
  return async (t, id) => {
    const client = await pool.connect();
    try {
      const [, , , found] = await Promise.all(
        statements(t, id).map((s) =>
          s.values.length === 0
            ? client.query(s.text)
            : client.query({ name: s.name, text: s.text, values: [...s.values] }),
        ),
      );
      if (found?.rows.length !== 1) throw new Error("bench:request: the floor found no row");
    } finally {
      client.release();
    }
  };
}

/** The five statements of a request-get for one tenant's row, as the floors replay them. */
function getStatements(texts: readonly string[]) {
  const [begin, context, actor, row, commit] = seen(
    texts,
    "a request-get",
    "BEGIN READ ONLY",
    5,
  ) as [string, string, string, string, string];
  return (t: BenchTenant, id: string): BatchStatement[] => [
    { name: "floor_begin", text: begin, values: [] },
    { name: "floor_context", text: context, values: [t.tenantId, randomUUID(), t.ownerId] },
    { name: "floor_actor", text: actor, values: [t.tenantId, t.ownerId] },
    { name: "floor_row", text: row, values: [t.tenantId, "campaign", id] },
    { name: "floor_commit", text: commit, values: [] },
  ];
}

/**
 * The floor of a scope-create: the statements a scope-create was seen
 * sending (BEGIN, the context, the actor, the workspace, the audit event,
 * the row, COMMIT), sent by hand ALL in one flight, as no design that
 * decides between reading the actor and writing can send them. What any
 * design that sends these statements costs at least.
 */
export function sameStatementsCreate(
  pool: pg.Pool,
  texts: readonly string[],
): (t: BenchTenant) => Promise<void> {
  const [begin, context, actor, workspace, audit, insert, commit] = seen(
    texts,
    "a scope-create",
    "BEGIN",
    7,
  ) as [string, string, string, string, string, string, string];
  return async (t) => {
    const client = await pool.connect();
    const id = randomUUID();
    const at = new Date().toISOString();
    const data = JSON.stringify({ subject: "Floor", status: "draft" });
    try {
      const sent = await Promise.all([
        client.query(begin),
        client.query({
          name: "floor_write_context",
          text: context,
          values: [t.tenantId, randomUUID(), t.ownerId],
        }),
        client.query({ name: "floor_actor", text: actor, values: [t.tenantId, t.ownerId] }),
        client.query({
          name: "floor_workspace",
          text: workspace,
          values: [t.tenantId, t.workspaceId],
        }),
        client.query({
          name: "floor_audit",
          text: audit,
          values: [
            t.tenantId,
            randomUUID(),
            t.ownerId,
            "campaign.create",
            "campaign",
            id,
            null,
            data,
            at,
            null,
          ],
        }),
        client.query({
          name: "floor_insert",
          text: insert,
          values: [t.tenantId, "campaign", id, t.workspaceId, data, 1, t.ownerId, at, at],
        }),
        client.query(commit),
      ]);
      if (sent[5]?.rows[0]?.inserted !== true)
        throw new Error("bench:request: the create floor inserted no row");
    } finally {
      client.release();
    }
  };
}

/** The texts a floor replays, checked to be the `count` statements from `begin` to COMMIT it expects. */
function seen(texts: readonly string[], call: string, begin: string, count: number): string[] {
  if (texts.length !== count || texts[0] !== begin || texts.at(-1) !== "COMMIT") {
    throw new Error(
      `bench:request: ${call} no longer sends the ${count} statements its floor replays:\n${texts.join("\n")}`,
    );
  }
  return [...texts];
}

/**
 * The same five statements as `sameStatementsGet`, sent with ONE Sync
 * instead of one per statement: the server answers in one packet. How much
 * of the five statements' cost under load is the answers' count rather than
 * the statements' work.
 */
export function sameStatementsGetOneSync(
  pool: pg.Pool,
  texts: readonly string[],
): (t: BenchTenant, id: string) => Promise<void> {
  const statements = getStatements(texts);
  return async (t, id) => {
    const client = await pool.connect();
    try {
      const [, , , found] = await oneSync(client, statements(t, id));
      if (found?.rows.length !== 1) throw new Error("bench:request: the floor found no row");
    } finally {
      client.release();
    }
  };
}
