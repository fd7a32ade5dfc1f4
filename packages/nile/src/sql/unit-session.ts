import { type RookeryError, RookeryErrors } from "@rookery/core";
import { errAsync, ResultAsync } from "neverthrow";
import type { PoolClient, QueryResultRow } from "pg";
import { fromPgError, isConnectionFailure, pgCode, suggestsSchemaChange } from "./pg-errors.js";
import type { Statement } from "./statement.js";

type Async<T> = ResultAsync<T, RookeryError>;

/** How a unit of work opens: read-only or not, and what runs right after BEGIN. */
export interface UnitSpec {
  readonly readOnly: boolean;
  /** Tenant context and locks. The first row of the last one is the prologue row. */
  readonly prologue: readonly Statement[];
  /** Writes need `tenant_exists` true in the prologue row (tenant units). */
  readonly writesNeedTenant: boolean;
}

/**
 * One unit of work's transaction on one pooled connection. On a client in
 * pipeline mode BEGIN, the prologue and the work's first statement leave in
 * one flight: the tenant context costs no round trip of its own.
 */
export class UnitSession {
  readonly #client: PoolClient;
  readonly #spec: UnitSpec;
  #ready: Promise<QueryResultRow | undefined> = Promise.resolve(undefined);
  #firstError: RookeryError | null = null;
  #connectionLost = false;
  #schemaDoubt = false;

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

  get writable(): boolean {
    return !this.#spec.readOnly;
  }

  /** The first statement failure of the unit, if any: the transaction is then aborted. */
  get failure(): RookeryError | null {
    return this.#firstError;
  }

  /** True when the connection must not serve another unit: it was lost. */
  get mustDestroy(): boolean {
    return this.#connectionLost;
  }

  /** True when a statement failed in a way that suggests the schema changed under us. */
  get schemaDoubt(): boolean {
    return this.#schemaDoubt;
  }

  /** Sends BEGIN and the prologue; waits for them only when the client cannot pipeline. */
  async open(): Promise<void> {
    const client = this.#client;
    const sent = [client.query(this.#spec.readOnly ? "BEGIN READ ONLY" : "BEGIN")];
    for (const s of this.#spec.prologue) sent.push(client.query(s.text, [...s.values]));
    this.#ready = Promise.all(sent).then((results) => results.at(-1)?.rows[0]);
    // Recorded here, once; every later statement of the unit waits on it too.
    this.#ready.catch((cause: unknown) => this.#record(cause));
    if (!client.pipeline) await this.#ready.catch(() => undefined);
  }

  /** Runs one parameterised statement in the unit's transaction. */
  rows<R extends QueryResultRow>(text: string, values: readonly unknown[] = []): Async<R[]> {
    const sent = this.#client.query<R>(text, [...values]);
    const done = Promise.all([this.#ready, sent]).then(([, result]) => result.rows);
    return ResultAsync.fromPromise(done, (cause) => this.#record(cause));
  }

  /**
   * Guards a write: refused in a read unit (as the store would), and, in a
   * tenant unit, NOT_FOUND (`tenant`) when the unit's tenant row is missing.
   */
  write<T>(body: () => Async<T>): Async<T> {
    if (this.#spec.readOnly) {
      return errAsync(RookeryErrors.internal("A read unit of work tried to write."));
    }
    if (!this.#spec.writesNeedTenant) return body();
    return ResultAsync.fromPromise(this.#ready, (cause) => this.#record(cause)).andThen((row) =>
      row?.tenant_exists === true ? body() : errAsync(RookeryErrors.notFound("tenant")),
    );
  }

  /**
   * Commits when the work succeeded and no statement failed, else rolls back.
   * Either way the transaction-local tenant context is gone afterwards.
   */
  async close(commit: boolean): Promise<RookeryError | null> {
    await this.#ready.catch(() => undefined);
    const failure = this.#firstError;
    const keep = commit && failure === null;
    if (this.#spec.readOnly && this.#client.pipeline && !this.#connectionLost) {
      // A read-only transaction's outcome is settled by its reads: its COMMIT
      // cannot change it. On a pipelined client it leaves without a wait, and
      // whatever the pool runs next on this connection queues behind it.
      this.#client.query(keep ? "COMMIT" : "ROLLBACK").catch(() => undefined);
      return failure;
    }
    try {
      const end = await this.#client.query(keep ? "COMMIT" : "ROLLBACK");
      // COMMIT of an aborted transaction answers ROLLBACK rather than failing.
      if (keep && end.command !== "COMMIT") {
        return RookeryErrors.internal("The transaction was rolled back by the database.");
      }
      return keep ? null : failure;
    } catch (cause) {
      const error = this.#record(cause);
      return keep || failure === null ? error : failure;
    }
  }

  #record(cause: unknown): RookeryError {
    const error = fromPgError(cause);
    if (isConnectionFailure(cause)) this.#connectionLost = true;
    if (suggestsSchemaChange(cause)) this.#schemaDoubt = true;
    // A statement refused because an earlier one aborted the transaction
    // reports that earlier cause, which is what the caller can act on.
    if (pgCode(cause) === "25P02" && this.#firstError !== null) return this.#firstError;
    this.#firstError ??= error;
    return error;
  }
}
