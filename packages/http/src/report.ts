import type { RookeryError } from "@rookery/core";
import type { HttpError } from "./http-errors.js";
import { errorOf, type Problem, type ProblemOptions, problemFromThrown } from "./problem.js";

/**
 * What an error handler tells the application about each problem it answers:
 * the problem the client got, the error behind it (a RookeryError keeps its
 * `cause`, a FORBIDDEN its trace), or what was thrown when it was none of
 * ours. Log 5xx ones: their detail is in `error`, not in the response.
 */
export interface ProblemReport<Request> {
  readonly problem: Problem;
  readonly error: RookeryError | HttpError | null;
  readonly thrown: unknown;
  readonly request: Request;
}

/**
 * The problem options, and `report`, called with every problem answered and the error behind it.
 */
export interface ProblemHandlerOptions<Request> extends ProblemOptions {
  /** Called for every problem answered; a reporter that throws is ignored. */
  readonly report?: (report: ProblemReport<Request>) => void;
}

/** The problem for a thrown value, reported to the application first. */
export function reportThrown<Request>(
  thrown: unknown,
  request: Request,
  options: ProblemHandlerOptions<Request>,
): Problem {
  const problem = problemFromThrown(thrown, options);
  try {
    options.report?.({ problem, error: errorOf(thrown), thrown, request });
  } catch {
    // A failing logger must not turn a problem answer into a crash.
  }
  return problem;
}
