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
