import type { RookeryError } from "@rookery/core";
import type { Result } from "neverthrow";
import type { HttpError } from "./http-errors.js";
import { markCarrier, problemResponse, toProblem } from "./problem.js";

/**
 * A Rookery or HTTP-layer error thrown to the framework's error handler,
 * which answers it as a problem. Handlers throw it through `unwrap`, the
 * integrations' middleware when a request cannot be bound to a scope.
 * `getResponse()` is what Hono's default error handler sends, so a problem
 * is answered even where the application installed no handler of ours.
 */
export class ProblemError extends Error {
  readonly error: RookeryError | HttpError;
  /**
   * The problem's HTTP status, where frameworks look for one: Express's final
   * handler answers it when the application installed no handler of ours.
   */
  readonly status: number;

  constructor(error: RookeryError | HttpError) {
    // The message stays on the server (logs, stack traces); the client sees the problem.
    super(`${error.code}: ${error.message}`);
    this.name = "ProblemError";
    this.error = error;
    this.status = toProblem(error).status;
    markCarrier(this);
  }

  /** The problem response with the default options (no trace). */
  getResponse(): Response {
    return problemResponse(toProblem(this.error));
  }
}

/**
 * The value of an `Ok`; for an `Err`, throws a `ProblemError` that the
 * framework's error handler answers as a problem. Handlers then read as the
 * happy path: `c.json(unwrap(await scope.members.list()))`.
 */
export function unwrap<T>(result: Result<T, RookeryError | HttpError>): T {
  if (result.isErr()) throw new ProblemError(result.error);
  return result.value;
}
