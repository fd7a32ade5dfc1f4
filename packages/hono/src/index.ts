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
