/**
 * What every HTTP integration shares, for any framework: problem+json errors,
 * the request's scope from an identity callback, bounded JSON bodies, validation.
 *
 * @packageDocumentation
 * @module @rookery/http
 */

// The public surface of @rookery/http, listed by name: what every framework
// integration shares, for the integrations and for applications on a
// framework that has none yet.

export {
  type CallerIdentity,
  type Identify,
  resolveScope,
  type ScopeOf,
  type TenancyLike,
} from "./bind.js";
export {
  type BodyTooLargeError,
  HTTP_ERROR_CODES,
  type HttpError,
  type HttpErrorCode,
  HttpErrors,
  type UnauthenticatedError,
  type UnsupportedMediaTypeError,
} from "./http-errors.js";
export {
  isJsonContentType,
  type JsonBodyError,
  type JsonBodyOptions,
  readJson,
} from "./json-body.js";
export { parseInput } from "./parse-input.js";
export { checkPermission, type PermissionCheck } from "./permission.js";
export {
  PROBLEM_CONTENT_TYPE,
  type Problem,
  type ProblemOptions,
  problemFromThrown,
  problemResponse,
  toProblem,
} from "./problem.js";
export { ProblemError, unwrap } from "./problem-error.js";
export { type ProblemHandlerOptions, type ProblemReport, reportThrown } from "./report.js";
