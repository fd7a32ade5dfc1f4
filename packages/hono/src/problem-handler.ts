import { type ProblemHandlerOptions, problemResponse, reportThrown } from "@rookery/http";
import type { Context, ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";

/**
 * The app's error handler, `app.onError(problemHandler())`: a Rookery error
 * (thrown by `unwrap`, by the middleware, or as itself) is answered as its
 * problem, anything unexpected as a generic 500 problem. Hono's own
 * `HTTPException`s (from `bodyLimit`, say) keep their response. `report`
 * sees every problem with the error behind it: log the 5xx ones there.
 */
export function problemHandler(
  // biome-ignore lint/suspicious/noExplicitAny: the application's own Env, whatever it is
  options: ProblemHandlerOptions<Context<any>> = {},
): ErrorHandler {
  return (error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    return problemResponse(reportThrown(error, c, options));
  };
}
