/**
 * Every error Rookery returns carries one of these codes. The table also
 * gives the HTTP status an API layer should answer with, so that every
 * application maps them the same way.
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
  /** The change would break a domain invariant (for example remove the only owner). */
  INVARIANT: { httpStatus: 409 },
  /** Tenant data was touched without a tenant context. */
  NO_TENANT_CONTEXT: { httpStatus: 500 },
  /** The tenant is suspended or deleted; its users cannot act. */
  TENANT_INACTIVE: { httpStatus: 403 },
  /** The store could not be reached or gave up; retrying may succeed. */
  UNAVAILABLE: { httpStatus: 503 },
  /** A bug: an exception where none was expected. Never carries tenant data in its message. */
  INTERNAL: { httpStatus: 500 },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The HTTP status an API should answer for an error code. */
export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CODES[code].httpStatus;
}
