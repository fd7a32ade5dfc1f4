import { RookeryErrors } from "@rookery/core";
import {
  HttpErrors,
  PROBLEM_CONTENT_TYPE,
  ProblemError,
  type ProblemHandlerOptions,
  reportThrown,
} from "@rookery/http";
import type { ErrorRequestHandler, Request } from "express";

/**
 * The app's error handler, last in the chain: `app.use(problemHandler())`.
 * A Rookery error (thrown by `unwrap`, passed on by the middleware, or as
 * itself) is answered as its problem; so are the JSON parser's refusals
 * (`express.json()`: 413 over its `limit`, 400 for malformed JSON, 415 for an
 * unsupported charset); anything else is a generic 500 problem. `report`
 * sees every problem with the error behind it: log the 5xx ones there.
 */
export function problemHandler(options: ProblemHandlerOptions<Request> = {}): ErrorRequestHandler {
  return (error, req, res, next) => {
    // Express's own handler closes a response that has started; there is no problem to send.
    if (res.headersSent) return next(error);
    const problem = reportThrown(fromBodyParser(error), req, options);
    // A Buffer, so that Express sends the media type as it is, without a charset parameter.
    res
      .status(problem.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(Buffer.from(JSON.stringify(problem)));
  };
}

/** The body parser's errors (http-errors with a `type`) as ours; anything else as it came. */
function fromBodyParser(error: unknown): unknown {
  if (typeof error !== "object" || error === null || !("type" in error)) return error;
  const { type, limit } = error as { type: unknown; limit?: unknown };
  switch (type) {
    case "entity.too.large":
      return new ProblemError(HttpErrors.bodyTooLarge(typeof limit === "number" ? limit : 0));
    case "entity.parse.failed":
      return new ProblemError(bodyIssue("not valid JSON"));
    case "charset.unsupported":
    case "encoding.unsupported":
      return new ProblemError(
        HttpErrors.unsupportedMediaType("Send the body as UTF-8 JSON, without a content encoding."),
      );
    case "request.aborted":
    case "request.size.invalid":
      return new ProblemError(bodyIssue("could not be read"));
    default:
      return error;
  }
}

function bodyIssue(message: string) {
  return RookeryErrors.validation([{ path: "", message }], "body");
}
