import pg from "pg";

/** One named statement of a batch; its values are all text or null. */
export interface BatchStatement {
  readonly name: string;
  readonly text: string;
  readonly values: readonly (string | null)[];
}

/** The slice of `pg`'s connection a batch writes to: the extended protocol's messages. */
interface ProtocolWriter {
  readonly parsedStatements: Record<string, string | undefined>;
  readonly submittedNamedStatements: Record<string, string | undefined>;
  parse(message: { text: string; name: string; types: number[] }): void;
  bind(message: { portal: string; statement: string; values: readonly (string | null)[] }): void;
  describe(message: { type: "P"; name: string }): void;
  execute(message: { portal: string }): void;
  sync(): void;
}

/**
 * Several statements sent with ONE Sync: the server runs them in order and
 * answers them all in one packet, ending with a single ReadyForQuery, where
 * `pg` sends one Sync per statement and the server flushes after each. A
 * bench tool, not Rookery's: it subclasses `pg`'s Query (the only custom
 * query a pipelined client accepts) and writes protocol messages itself.
 * Answers one result per statement, or the first error.
 */
class OneSync extends pg.Query {
  readonly #statements: readonly BatchStatement[];

  constructor(
    statements: readonly BatchStatement[],
    callback: (error: Error | undefined, results: unknown) => void,
  ) {
    super({ text: "one sync" }, callback);
    this.#statements = statements;
  }

  requiresPreparation(): boolean {
    return true;
  }

  prepare(connection: ProtocolWriter): void {
    for (const s of this.#statements) {
      const parsed =
        connection.parsedStatements[s.name] !== undefined ||
        connection.submittedNamedStatements[s.name] !== undefined;
      if (!parsed) {
        connection.parse({ text: s.text, name: s.name, types: [] });
        connection.submittedNamedStatements[s.name] = s.text;
      }
      connection.bind({ portal: "", statement: s.name, values: s.values });
      connection.describe({ type: "P", name: "" });
      connection.execute({ portal: "" });
    }
    connection.sync();
  }
}

/** Sends `statements` on `client` with one Sync; resolves with one result per statement. */
export function oneSync(
  client: pg.PoolClient,
  statements: readonly BatchStatement[],
): Promise<pg.QueryResult[]> {
  return new Promise((resolve, reject) => {
    const batch = new OneSync(statements, (error, results) => {
      if (error) reject(error);
      else resolve((Array.isArray(results) ? results : [results]) as pg.QueryResult[]);
    });
    client.query(batch);
  });
}
