import pg from "pg";

/** A statement held back on its way to the server, until the test lets it go. */
export interface HeldStatement {
  /** Resolves once the statement was asked for and held. */
  readonly reached: Promise<void>;
  release(): void;
}

/**
 * A pool whose clients hold back the next statement matching `arm(pattern)`
 * on the client side, as a slow network or a pause of the application's
 * event loop between two statements of one unit would: the unit's earlier
 * statements have run (its locks are held), the held one has not.
 */
export function holdingPool(connectionString: string): {
  readonly pool: pg.Pool;
  arm(pattern: RegExp): HeldStatement;
} {
  let armed: { pattern: RegExp; reached: () => void; released: Promise<void> } | null = null;
  const pool = new pg.Pool({ connectionString, max: 4 });
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
      const text = typeof config === "string" ? config : ((config as { text?: string }).text ?? "");
      const held = armed;
      if (held === null || !held.pattern.test(text)) return query(config, ...rest);
      armed = null;
      held.reached();
      return held.released.then(() => query(config, ...rest));
    };
  });
  return {
    pool,
    arm: (pattern) => {
      let reached!: () => void;
      const reachedPromise = new Promise<void>((resolve) => {
        reached = resolve;
      });
      let release!: () => void;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      armed = { pattern, reached, released };
      return { reached: reachedPromise, release };
    },
  };
}
