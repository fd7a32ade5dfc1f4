import { type RookeryError, RookeryErrors } from "@rookery/core";
import { err, errAsync, ok, type Result, ResultAsync } from "neverthrow";
import type { PoolClient, QueryConfig, QueryResult, QueryResultRow } from "pg";
import { applicationQuery } from "./application-query.js";
import { refusedStatement } from "./control-statements.js";
import { OWN_TYPES } from "./own-types.js";
import { fromPgError, isConnectionFailure, pgCode, suggestsSchemaChange } from "./pg-errors.js";
import { SESSION_RESET } from "./session-reset.js";
import type { Statement } from "./statement.js";
import { statementName } from "./statement-names.js";

type Async<T> = ResultAsync<T, RookeryError>;

/** How a unit of work opens: read-only or not, and what runs right after BEGIN. */
export interface UnitSpec {
  readonly readOnly: boolean;
  /** Tenant context and locks, sent right after BEGIN. */
  readonly prologue: readonly Statement[];
  /**
   * Tenant units: a statement that raises unless the transaction, the tenant
   * and user context and the role are still the ones the unit opened with.
   * Null where no application SQL can run (platform units).
   */
  readonly check: Statement | null;
  /**
   * Rookery's own statements run as named prepared statements (see
   * `statementName`). Off behind a pooler that does not keep them.
   */
  readonly prepared: boolean;
}

const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value): PromiseSettledResult<T> => ({ status: "fulfilled", value }),
    (reason: unknown): PromiseSettledResult<T> => ({ status: "rejected", reason }),
  );

/**
 * One unit of work's transaction on one pooled connection. On a client in
 * pipeline mode BEGIN, the prologue and the work's first statement leave in
 * one flight: the tenant context costs no round trip of its own.
 *
 * The session ends when the unit does: every statement asked for afterwards,
 * through a repository, a scoped SQL handle or `unit.query` kept from the
 * unit, is refused without touching the connection, which by then may serve
 * another tenant's unit.
 */
export class UnitSession {
  readonly #client: PoolClient;
  readonly #spec: UnitSpec;
  #ready: Promise<unknown> = Promise.resolve(undefined);
  #firstError: RookeryError | null = null;
  #ended = false;
  #ranAppSql = false;
  #connectionLost = false;
  #mustDestroy = false;
  #schemaDoubt = false;
  #holdingWrites = false;
  /** On a client that is not pipelined: the statement the next one waits for. */
  #queue: Promise<unknown> = Promise.resolve();

  // A checked-out client has no pool listener: without ours, a connection
  // reset while the unit runs would be an uncaught exception.
  readonly #onError = (cause: unknown) => {
    this.#record(cause);
    this.#connectionLost = true;
  };

  /** Attaches its error listener at once: construct it as the pool hands the client over. */
  constructor(client: PoolClient, spec: UnitSpec) {
    this.#client = client;
    this.#spec = spec;
    client.on("error", this.#onError);
  }

  /** Stops listening: the pool's own listener takes over once the client is back. */
  detach(): void {
    this.#client.off("error", this.#onError);
  }

  /** Whether statements leave without waiting for the ones before (a client in pipeline mode). */
  get pipelined(): boolean {
    return this.#client.pipeline;
  }

  /** The first statement failure of the unit, if any: the transaction is then aborted. */
  get failure(): RookeryError | null {
    return this.#firstError;
  }

  /** True when the connection must not serve another unit: lost, or its state is unknown. */
  get mustDestroy(): boolean {
    return this.#connectionLost || this.#mustDestroy;
  }

  /** True when a statement failed in a way that suggests the schema changed under us. */
  get schemaDoubt(): boolean {
    return this.#schemaDoubt;
  }

  /** Sends BEGIN and the prologue; waits for them only when the client cannot pipeline. */
  async open(): Promise<void> {
    const sent = [this.#query(this.#spec.readOnly ? "BEGIN READ ONLY" : "BEGIN")];
    for (const s of this.#spec.prologue) sent.push(this.#own(s.text, s.values));
    this.#ready = Promise.all(sent);
    // Recorded here, once and first; every later statement of the unit waits on it too.
    this.#ready.catch((cause: unknown) => this.#record(cause));
    if (!this.#client.pipeline) await this.#ready.catch(() => undefined);
  }

  /** Runs one of Rookery's own parameterised statements in the unit's transaction. */
  rows<R extends QueryResultRow>(text: string, values: readonly unknown[] = []): Async<R[]> {
    if (this.#ended) return errAsync(unitEnded());
    const sent = this.#own<R>(text, values);
    return new ResultAsync(this.#settled(sent, null));
  }

  /**
   * Runs one statement of the application's own SQL: refused before it is
   * sent when it would end the transaction or leave state on the session;
   * sent with the extended protocol, so one call is one statement; followed
   * in the same flight by the unit's check, and its rows handed over only
   * once that check passed. A failed check fails the unit (nothing it wrote
   * is kept) and the connection is destroyed.
   */
  appRows<R extends QueryResultRow>(text: string, values: readonly unknown[] = []): Async<R[]> {
    if (this.#ended) return errAsync(unitEnded());
    const check = this.#spec.check;
    if (check === null) {
      return errAsync(RookeryErrors.unsupported("Application SQL runs in tenant units only."));
    }
    const refused = refusedStatement(text);
    if (refused !== null) {
      const error = RookeryErrors.unsupported(
        `${refused} cannot run as the application's SQL: a unit's transaction and session are Rookery's. The unit was rolled back.`,
      );
      this.#firstError ??= error;
      return errAsync(error);
    }
    this.#ranAppSql = true;
    const sent = this.#query<R>(text, values, "application");
    // Pipelined: the check leaves with the statement. Otherwise it follows
    // once the statement answered, as pg would queue it anyway (and warns
    // when asked to queue).
    const sentCheck = this.#client.pipeline ? this.#own(check.text, check.values) : null;
    const checked = () => sentCheck ?? this.#own(check.text, check.values);
    return new ResultAsync(this.#settled(sent, checked));
  }

  /**
   * Ends the unit: from now on no statement is sent for it. Commits when the
   * work succeeded and no statement failed, else rolls back. After
   * application SQL the unit's check goes with the COMMIT and the session is
   * reset in the same flight; either failing leaves the connection to be
   * destroyed. Returns the error the unit ends with, if any.
   */
  async close(commit: boolean): Promise<RookeryError | null> {
    this.#ended = true;
    await this.#ready.catch(() => undefined);
    const failure = this.#firstError;
    const keep = commit && failure === null;
    if (this.#ranAppSql) return this.#endAfterAppSql(keep, failure);
    if (this.#spec.readOnly && this.#client.pipeline && !this.#connectionLost) {
      // A read-only transaction's outcome is settled by its reads: its COMMIT
      // cannot change it. On a pipelined client it leaves without a wait, and
      // whatever the pool runs next on this connection queues behind it. It is
      // held until the event loop's turn ends: a unit the pool starts on this
      // connection in the same turn sends its first flight in the same write.
      holdWrites(this.#client, "turn");
      this.#query(keep ? "COMMIT" : "ROLLBACK");
      return failure;
    }
    const [end] = await this.#flight([{ text: keep ? "COMMIT" : "ROLLBACK", values: [] }]);
    return this.#outcome(keep, failure, end);
  }

  async #endAfterAppSql(keep: boolean, failure: RookeryError | null) {
    const check = this.#spec.check;
    const statements: Statement[] = [];
    if (keep && check !== null) statements.push(check);
    statements.push({ text: keep ? "COMMIT" : "ROLLBACK", values: [] });
    statements.push({ text: SESSION_RESET, values: [] });
    const settled = await this.#flight(statements);
    const reset = settled.at(-1);
    const end = settled.at(-2);
    if (reset?.status !== "fulfilled") this.#mustDestroy = true;
    const checked = keep ? settled[0] : undefined;
    if (checked?.status === "rejected") return this.#breach(checked.reason);
    return this.#outcome(keep, failure, end);
  }

  #outcome(
    keep: boolean,
    failure: RookeryError | null,
    end: PromiseSettledResult<QueryResult> | undefined,
  ): RookeryError | null {
    if (end?.status === "rejected") {
      const error = this.#record(end.reason);
      return keep || failure === null ? error : failure;
    }
    // COMMIT of an aborted transaction answers ROLLBACK rather than failing.
    if (keep && end?.value.command !== "COMMIT") {
      return RookeryErrors.internal("The transaction was rolled back by the database.");
    }
    return keep ? null : failure;
  }

  /**
   * Waits for the prologue, then for the statement, then (application SQL)
   * for its check. An earlier failure is reported, not the follow-on
   * "transaction aborted" of the statements queued behind it.
   */
  async #settled<R extends QueryResultRow>(
    sent: Promise<QueryResult<R>>,
    checked: (() => Promise<QueryResult>) | null,
  ): Promise<Result<R[], RookeryError>> {
    try {
      await this.#ready;
    } catch (cause) {
      return err(this.#record(cause));
    }
    let result: QueryResult<R>;
    try {
      result = await sent;
    } catch (cause) {
      return err(this.#record(cause));
    }
    if (checked !== null) {
      try {
        await checked();
      } catch (cause) {
        return err(this.#breach(cause));
      }
    }
    return ok(result.rows);
  }

  /** Sends all at once on a pipelined client; one after another otherwise. */
  async #flight(statements: readonly Statement[]): Promise<PromiseSettledResult<QueryResult>[]> {
    if (this.#client.pipeline) {
      return Promise.all(statements.map((s) => settle(this.#send(s))));
    }
    const settled: PromiseSettledResult<QueryResult>[] = [];
    for (const s of statements) settled.push(await settle(this.#send(s)));
    return settled;
  }

  /** A statement of the unit's end: the check (prepared, it has values), COMMIT, the reset. */
  #send(s: Statement): Promise<QueryResult> {
    return s.values.length > 0 ? this.#own(s.text, s.values) : this.#query(s.text, s.values);
  }

  /** One of Rookery's own statements: prepared by name where the spec allows. */
  #own<R extends QueryResultRow>(
    text: string,
    values: readonly unknown[],
  ): Promise<QueryResult<R>> {
    if (!this.#spec.prepared) return this.#query<R>(text, values);
    this.#coalesce();
    const sent = this.#submit<R>({
      name: statementName(text),
      text,
      values: [...values],
      types: OWN_TYPES,
    });
    sent.catch(() => undefined);
    return sent;
  }

  /**
   * One statement as `pg` runs it unprepared: Rookery's own (read with its
   * parsers), or the application's (in the extended protocol, so it is one
   * statement, read with the client's parsers).
   */
  #query<R extends QueryResultRow>(
    text: string,
    values: readonly unknown[] = [],
    whose: "own" | "application" = "own",
  ): Promise<QueryResult<R>> {
    const config: QueryConfig =
      whose === "application"
        ? applicationQuery(text, values)
        : { text, values: [...values], types: OWN_TYPES };
    this.#coalesce();
    const sent = this.#submit<R>(config);
    // Every failure is read where it matters; none may go unhandled.
    sent.catch(() => undefined);
    return sent;
  }

  /**
   * Hands one statement to the client. A client in pipeline mode sends it at
   * once. Any other runs one statement at a time: the next waits here for the
   * one before to settle, rather than in `pg`'s own queue, which `pg`
   * deprecates (with a warning in the application's log) and will remove.
   */
  #submit<R extends QueryResultRow>(config: QueryConfig): Promise<QueryResult<R>> {
    if (this.#client.pipeline) return this.#client.query<R>(config);
    const sent = this.#queue.then(() => this.#client.query<R>(config));
    this.#queue = sent.catch(() => undefined);
    return sent;
  }

  /**
   * On a pipelined client, the statements sent in one tick leave in one
   * write: BEGIN with the prologue and the work's first reads, an audit
   * event with its change.
   */
  #coalesce(): void {
    if (!this.#client.pipeline || this.#holdingWrites) return;
    this.#holdingWrites = holdWrites(this.#client, "tick", () => {
      this.#holdingWrites = false;
    });
  }

  /** The unit's check failed: the transaction, context or role is no longer the unit's. */
  #breach(cause: unknown): RookeryError {
    if (isConnectionFailure(cause) || pgCode(cause) === "25P02") return this.#record(cause);
    this.#mustDestroy = true;
    const error =
      pgCode(cause) === "22012"
        ? RookeryErrors.isolationBreach(
            "The application's SQL changed the unit's transaction, tenant context or role; the unit was rolled back and its connection closed.",
          )
        : fromPgError(cause);
    this.#firstError ??= error;
    return error;
  }

  #record(cause: unknown): RookeryError {
    const error = fromPgError(cause);
    if (isConnectionFailure(cause)) this.#connectionLost = true;
    // `pg` believes the connection still holds statements it no longer does: replace it.
    if (pgCode(cause) === "26000") this.#mustDestroy = true;
    if (suggestsSchemaChange(cause)) this.#schemaDoubt = true;
    // A statement refused because an earlier one aborted the transaction
    // reports that earlier cause, which is what the caller can act on.
    if (pgCode(cause) === "25P02" && this.#firstError !== null) return this.#firstError;
    this.#firstError ??= error;
    return error;
  }
}

const unitEnded = () =>
  RookeryErrors.internal(
    "This unit of work has ended: a handle kept from it cannot run statements, and nothing was sent to the database.",
  );

/**
 * Holds the connection's writes until the current tick (or the event loop's
 * turn) ends, so that the statements sent meanwhile (BEGIN, the prologue and
 * the reads the work sends before it first waits) leave in ONE write: one
 * packet for the server to wake up for instead of one per statement, and one
 * system call, which on a loopback connection costs about as much as the
 * server's answer. `pg` corks around each statement itself; corking nests,
 * so ours spans them all. A client without a socket to cork (another pool
 * implementation) just sends as it goes. Answers whether the writes are held.
 */
function holdWrites(client: PoolClient, until: "tick" | "turn", released?: () => void): boolean {
  const stream = (client as { connection?: { stream?: Partial<Corkable> } }).connection?.stream;
  if (typeof stream?.cork !== "function" || typeof stream.uncork !== "function") return false;
  const { cork, uncork } = stream as Corkable;
  cork.call(stream);
  const release = () => {
    uncork.call(stream);
    released?.();
  };
  if (until === "tick") process.nextTick(release);
  else setImmediate(release);
  return true;
}

interface Corkable {
  cork(): void;
  uncork(): void;
}
