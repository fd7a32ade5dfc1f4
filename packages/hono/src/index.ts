/**
 * Hono middleware: the caller's scope on every request (`rookery`), errors as
 * RFC 9457 problems (`problemHandler`), body parsing and permission guards.
 *
 * @packageDocumentation
 * @module @rookery/hono
 */

// The public surface of @rookery/hono, listed by name.

export {
  type CallerIdentity,
  type PermissionCheck,
  ProblemError,
  type ProblemHandlerOptions,
  type ProblemReport,
  unwrap,
} from "@rookery/http";
export { parseBody, requirePermission } from "./helpers.js";
export { type RookeryEnv, type RookeryOptions, rookery } from "./middleware.js";
export { problemHandler } from "./problem-handler.js";
