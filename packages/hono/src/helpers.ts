import { RookeryErrors, type Scope } from "@rookery/core";
import {
  checkPermission,
  type JsonBodyError,
  type JsonBodyOptions,
  type PermissionCheck,
  ProblemError,
  parseInput,
  readJson,
} from "@rookery/http";
import type { Context, MiddlewareHandler } from "hono";
import type { Result } from "neverthrow";
import type { z } from "zod";

/**
 * The request's JSON body parsed with `schema`, within `maxBytes` (100 KiB by
 * default): VALIDATION naming each failed field, or malformed JSON (400);
 * BODY_TOO_LARGE (413); UNSUPPORTED_MEDIA_TYPE (415). Pass it to `unwrap`.
 */
export async function parseBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  options: JsonBodyOptions = {},
): Promise<Result<z.output<S>, JsonBodyError>> {
  const body = await readJson(c.req.raw, options);
  return body.andThen((value) => parseInput(schema, value));
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
): MiddlewareHandler {
  return async (c, next) => {
    const scope = c.get("scope") as S | undefined;
    if (scope === undefined) {
      throw new ProblemError(
        RookeryErrors.noTenantContext(
          "No scope is bound to this request: put rookery() before requirePermission().",
        ),
      );
    }
    const allowed = await checkPermission(scope, check, description);
    if (allowed.isErr()) throw new ProblemError(allowed.error);
    await next();
  };
}
