import {
  type EntityName,
  type ErrorCode,
  httpStatusOf,
  isRookeryError,
  type RookeryError,
  type ValidationIssue,
} from "@rookery/core";
import { HTTP_ERROR_CODES, type HttpError, type HttpErrorCode } from "./http-errors.js";

/** The media type of every problem body (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/**
 * An RFC 9457 problem: `type`, `title`, `status` and `detail`, plus the
 * error's `code` and the fields of that code a client may see. Nothing else:
 * never a `cause`, never a detail of a 5xx error, never another tenant's data.
 */
export interface Problem {
  /** A URI naming the problem type; it documents the code when dereferenced. */
  readonly type: string;
  /** A short summary of the problem type, the same for every occurrence. */
  readonly title: string;
  /** The HTTP status, from core's `httpStatusOf` for Rookery's codes. */
  readonly status: number;
  /** What happened, in a sentence a person can act on; generic for 5xx. */
  readonly detail: string;
  /** The error code a client switches on. Every 500 shows as `INTERNAL`. */
  readonly code: ErrorCode | HttpErrorCode;
  /** VALIDATION: one issue a failed field, with its dotted path. */
  readonly issues?: readonly ValidationIssue[];
  /** NOT_FOUND, CONFLICT: the kind of thing. */
  readonly entity?: EntityName;
  /** FORBIDDEN, and only with `exposeTrace`: the policy's explanation. */
  readonly trace?: readonly string[];
  /** LIMIT_EXCEEDED: the plan limit and its maximum. */
  readonly limit?: string;
  readonly max?: number;
  /** TENANT_INACTIVE: why the tenant cannot act (`status` is the HTTP status here). */
  readonly tenantStatus?: "suspended" | "deleted";
  /** SUBSCRIPTION_INACTIVE: the subscription's status that makes the tenant read-only. */
  readonly subscriptionStatus?: "past_due" | "canceled";
  /** BODY_TOO_LARGE: the largest body the route accepts. */
  readonly maxBytes?: number;
}

/** How problems are written: `exposeTrace` shows FORBIDDEN's trace, `typeBase` prefixes `type`. */
export interface ProblemOptions {
  /**
   * Include a FORBIDDEN error's `trace` in the body. Off by default: the
   * trace names roles, actions and ids of the caller's own tenant, which a
   * product may or may not want to show. Log it either way.
   */
  readonly exposeTrace?: boolean;
  /** Prefix of every problem `type`; the code's slug follows. Defaults to the docs of the codes. */
  readonly typeBase?: string;
}

const DEFAULT_TYPE_BASE = "https://github.com/rookery-dev/rookery/blob/main/docs/http.md#";

const TITLES: Record<ErrorCode | HttpErrorCode, string> = {
  VALIDATION: "Invalid input",
  NOT_FOUND: "Not found",
  FORBIDDEN: "Forbidden",
  CONFLICT: "Conflict",
  LIMIT_EXCEEDED: "Plan limit reached",
  INVARIANT: "Not allowed by the rules of the domain",
  TENANT_INACTIVE: "Tenant inactive",
  SUBSCRIPTION_INACTIVE: "Subscription inactive",
  UNSUPPORTED: "Not supported",
  UNAVAILABLE: "Service unavailable",
  INTERNAL: "Internal error",
  NO_TENANT_CONTEXT: "Internal error",
  CONFIGURATION: "Internal error",
  ISOLATION_BREACH: "Internal error",
  UNAUTHENTICATED: "Unauthenticated",
  BODY_TOO_LARGE: "Body too large",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported media type",
};

/**
 * The details of a 5xx stay on the server: a client can neither provoke nor
 * probe them, so it learns only whether retrying may help.
 */
const SERVER_DETAILS: Partial<Record<ErrorCode, string>> = {
  UNAVAILABLE: "The service is temporarily unavailable; retry later.",
  UNSUPPORTED: "This server does not support the operation.",
};
const GENERIC_DETAIL = "The server could not complete the request; the failure was logged.";

/** The problem a client sees for a Rookery or HTTP-layer error. */
export function toProblem(error: RookeryError | HttpError, options: ProblemOptions = {}): Problem {
  const status = statusOf(error.code);
  if (status >= 500) {
    const code = error.code in SERVER_DETAILS ? (error.code as ErrorCode) : "INTERNAL";
    return base(code, status, SERVER_DETAILS[code] ?? GENERIC_DETAIL, options);
  }
  const problem = base(error.code, status, error.message, options);
  switch (error.code) {
    case "VALIDATION":
      return { ...problem, issues: error.issues.map(({ path, message }) => ({ path, message })) };
    case "NOT_FOUND":
    case "CONFLICT":
      return { ...problem, entity: error.entity };
    case "FORBIDDEN":
      return options.exposeTrace === true ? { ...problem, trace: [...error.trace] } : problem;
    case "LIMIT_EXCEEDED":
      return { ...problem, limit: error.limit, max: error.max };
    case "TENANT_INACTIVE":
      return { ...problem, tenantStatus: error.status };
    case "SUBSCRIPTION_INACTIVE":
      return { ...problem, subscriptionStatus: error.status };
    case "BODY_TOO_LARGE":
      return { ...problem, maxBytes: error.maxBytes };
    default:
      return problem;
  }
}

/**
 * The problem for anything a handler threw: a `ProblemError` or a Rookery
 * error as `toProblem` answers it, anything else a generic 500.
 */
export function problemFromThrown(thrown: unknown, options: ProblemOptions = {}): Problem {
  const error = errorOf(thrown);
  return error === null
    ? base("INTERNAL", 500, GENERIC_DETAIL, options)
    : toProblem(error, options);
}

/** The Rookery or HTTP-layer error a thrown value carries, or null for anything else. */
export function errorOf(thrown: unknown): RookeryError | HttpError | null {
  if (isProblemCarrier(thrown)) return thrown.error;
  if (isRookeryError(thrown)) return thrown;
  return null;
}

/** A web `Response` carrying the problem, with its status and media type. */
export function problemResponse(problem: Problem): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE },
  });
}

const CARRIER = Symbol.for("rookery.problem-error");

/** Marks an object as carrying a problem's error; see `ProblemError`. */
export function markCarrier(target: object): void {
  Object.defineProperty(target, CARRIER, { value: true });
}

function isProblemCarrier(value: unknown): value is { error: RookeryError | HttpError } {
  return typeof value === "object" && value !== null && CARRIER in value;
}

function statusOf(code: ErrorCode | HttpErrorCode): number {
  return code in HTTP_ERROR_CODES
    ? HTTP_ERROR_CODES[code as HttpErrorCode].httpStatus
    : httpStatusOf(code as ErrorCode);
}

function base(
  code: ErrorCode | HttpErrorCode,
  status: number,
  detail: string,
  options: ProblemOptions,
): Problem {
  const slug = code.toLowerCase().replaceAll("_", "-");
  return {
    type: `${options.typeBase ?? DEFAULT_TYPE_BASE}${slug}`,
    title: TITLES[code],
    status,
    detail,
    code,
  };
}
