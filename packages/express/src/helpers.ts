import {
  type ConfigurationError,
  RookeryErrors,
  type Scope,
  type ValidationError,
} from "@rookery/core";
import {
  checkPermission,
  type HttpError,
  HttpErrors,
  isJsonContentType,
  type PermissionCheck,
  ProblemError,
  parseInput,
} from "@rookery/http";
import type { Request, RequestHandler } from "express";
import { err, type Result } from "neverthrow";
import type { z } from "zod";
import { boundScope } from "./middleware.js";

/**
 * The request's JSON body, as `express.json()` parsed it, validated with
 * `schema`: VALIDATION naming each failed field (400). A request without a
 * body is VALIDATION; one whose body is not JSON is UNSUPPORTED_MEDIA_TYPE
 * (415); a JSON body that no parser read is the app's wiring mistake (a
 * CONFIGURATION problem, 500). Pass it to `unwrap`.
 */
export function parseBody<S extends z.ZodType>(
  req: Request,
  schema: S,
): Result<z.output<S>, ValidationError | ConfigurationError | HttpError> {
  if (req.body === undefined) {
    if (!hasBody(req)) {
      return err(
        RookeryErrors.validation([{ path: "", message: "required: send a JSON document" }], "body"),
      );
    }
    if (!isJsonContentType(req.headers["content-type"]))
      return err(HttpErrors.unsupportedMediaType());
    return err(
      RookeryErrors.configuration(
        "A JSON body reached a route unparsed: add app.use(express.json()) before the routes.",
      ),
    );
  }
  return parseInput(schema, req.body);
}

/**
 * A route's guard: runs `check` on the request's scope and refuses with a
 * FORBIDDEN problem (saying `description`) when it answers false. Put it after
 * `rookery()`. `S` is the scope type the check reads; core's `Scope` suffices
 * for `me()`.
 */
export function requirePermission<S = Scope>(
  check: PermissionCheck<S>,
  description?: string,
): RequestHandler {
  return async (req, _res, next) => {
    const scope = boundScope(req) as S | undefined;
    if (scope === undefined) {
      return next(
        new ProblemError(
          RookeryErrors.noTenantContext(
            "No scope is bound to this request: put rookery() before requirePermission().",
          ),
        ),
      );
    }
    const allowed = await checkPermission(scope, check, description);
    next(allowed.isErr() ? new ProblemError(allowed.error) : undefined);
  };
}

function hasBody(req: Request): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}
