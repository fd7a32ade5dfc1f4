/**
 * Express 5 middleware: the caller's scope on every request (`rookery`,
 * `scopeOf`), errors as RFC 9457 problems (`problemHandler`), body parsing and
 * permission guards.
 *
 * @packageDocumentation
 * @module @rookery/express
 */

// The public surface of @rookery/express, listed by name.

export {
  type CallerIdentity,
  type PermissionCheck,
  ProblemError,
  type ProblemHandlerOptions,
  type ProblemReport,
  unwrap,
} from "@rookery/http";
export { parseBody, requirePermission } from "./helpers.js";
export { type RookeryOptions, rookery, scopeOf } from "./middleware.js";
export { problemHandler } from "./problem-handler.js";
