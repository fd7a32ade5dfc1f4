/**
 * Every error Rookery returns carries one of these codes. The table also
 * gives the HTTP status an API layer should answer with, so that every
 * application maps them the same way. Codes a client can provoke are 4xx;
 * codes that mean the deployment or the library is at fault are 5xx, so a
 * client can never probe them.
 */
export const ERROR_CODES = {
  /** The input failed its schema; `issues` names each field. */
  VALIDATION: { httpStatus: 400 },
  /** The thing does not exist, or belongs to another tenant (the two are indistinguishable on purpose). */
  NOT_FOUND: { httpStatus: 404 },
  /** The policy said no; `trace` explains why. */
  FORBIDDEN: { httpStatus: 403 },
  /** The write collides with existing state (duplicate id or email, a second owner, a user already in a tenant). */
  CONFLICT: { httpStatus: 409 },
  /** A plan limit (seats, workspaces, ...) would be exceeded. */
  LIMIT_EXCEEDED: { httpStatus: 402 },
  /** The change would break a domain rule (remove the only owner, write to an archived workspace, ...). */
  INVARIANT: { httpStatus: 409 },
  /** Tenant data was touched without a tenant context. */
  NO_TENANT_CONTEXT: { httpStatus: 500 },
  /** The tenant is suspended or deleted; its users cannot act. */
  TENANT_INACTIVE: { httpStatus: 403 },
  /** The subscription is past due or canceled, and the application's rule makes the tenant read-only. */
  SUBSCRIPTION_INACTIVE: { httpStatus: 402 },
  /** The deployment is set up wrongly (a missing secret, an unmigrated or unsafe database); an operator must act. */
  CONFIGURATION: { httpStatus: 500 },
  /** The adapter does not offer this capability (SQL on the in-memory adapter, say). */
  UNSUPPORTED: { httpStatus: 501 },
  /**
   * A row of another tenant reached a unit of work, in or out; the call was
   * refused. A bug in an adapter or in the application's SQL, never the
   * caller's doing: its message says nothing about the row.
   */
  ISOLATION_BREACH: { httpStatus: 500 },
  /** The store could not be reached or gave up; retrying may succeed. */
  UNAVAILABLE: { httpStatus: 503 },
  /** A bug: an exception where none was expected. Never carries tenant data in its message. */
  INTERNAL: { httpStatus: 500 },
} as const;

/** One of Rookery's UPPER_SNAKE error codes, the `code` of every `RookeryError`. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** True when `value` is one of Rookery's error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_CODES, value);
}

/** The HTTP status an API should answer for an error code; 500 for anything else. */
export function httpStatusOf(code: ErrorCode): number {
  return isErrorCode(code) ? ERROR_CODES[code].httpStatus : 500;
}
