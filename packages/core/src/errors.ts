import type { z } from "zod";
import { type ErrorCode, isErrorCode } from "./error-codes.js";

/** The kinds of stored thing an error can be about. */
export type EntityName =
  | "tenant"
  | "user"
  | "membership"
  | "workspace"
  | "assignment"
  | "subscription"
  | "settings"
  | "resource"
  | "audit_event"
  | "invitation";

/** One failed field of an input: `path` is dotted (`limits.seats`), empty for the whole input. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

interface ErrorBase<C extends ErrorCode> {
  readonly code: C;
  /** A sentence a person can act on. Never names another tenant's data. */
  readonly message: string;
}

/** An input failed its schema (HTTP 400): `issues` names each failed field. */
export interface ValidationError extends ErrorBase<"VALIDATION"> {
  readonly issues: readonly ValidationIssue[];
}
/** No such `entity` (HTTP 404), which is also the answer for another tenant's thing. */
export interface NotFoundError extends ErrorBase<"NOT_FOUND"> {
  readonly entity: EntityName;
}
/** The policy said no (HTTP 403); `trace` explains the decision step by step. */
export interface ForbiddenError extends ErrorBase<"FORBIDDEN"> {
  /** The policy's explanation of the decision, one readable line a step. */
  readonly trace: readonly string[];
}
/** The `entity` exists already, or changed since it was read (HTTP 409). */
export interface ConflictError extends ErrorBase<"CONFLICT"> {
  readonly entity: EntityName;
}
/** A plan limit (`limit`, e.g. `seats`) is reached at `max` (HTTP 402). */
export interface LimitExceededError extends ErrorBase<"LIMIT_EXCEEDED"> {
  readonly limit: string;
  readonly max: number;
}
/** The tenant is suspended or offboarded: its users cannot act (HTTP 403). */
export interface TenantInactiveError extends ErrorBase<"TENANT_INACTIVE"> {
  readonly status: "suspended" | "deleted";
}
/**
 * The subscription is past due or canceled and the application's rule makes it read-only (HTTP
 * 402).
 */
export interface SubscriptionInactiveError extends ErrorBase<"SUBSCRIPTION_INACTIVE"> {
  readonly status: "past_due" | "canceled";
}
/** A rule of the domain refused the change: the owner leaving, an archived workspace (HTTP 409). */
export type InvariantError = ErrorBase<"INVARIANT">;
/** Code that needs a bound scope ran outside `tenancy.context.run` (HTTP 500). */
export type NoTenantContextError = ErrorBase<"NO_TENANT_CONTEXT">;
/**
 * The deployment must be fixed before anything runs: a bad `createTenancy` option, a database the
 * start-up check refuses (HTTP 500).
 */
export type ConfigurationError = ErrorBase<"CONFIGURATION">;
/** The adapter cannot do this (`scope.sql` in memory), or the statement is refused (HTTP 501). */
export type UnsupportedError = ErrorBase<"UNSUPPORTED">;
/**
 * A wall held against a bug: a row of another tenant reached a unit, or the application's SQL
 * changed its unit's context (HTTP 500). Log it.
 */
export type IsolationBreachError = ErrorBase<"ISOLATION_BREACH">;
/**
 * `cause` (the driver's or the runtime's exception) is kept for logs but is
 * not enumerable: JSON and spreading leave it out, so a driver's detail, which
 * may quote a row, never travels with the error to a client.
 */
export interface UnavailableError extends ErrorBase<"UNAVAILABLE"> {
  readonly cause?: unknown;
}
/** Anything unexpected (HTTP 500). `cause` stays out of JSON. */
export interface InternalError extends ErrorBase<"INTERNAL"> {
  readonly cause?: unknown;
}

/** The one error type of every Rookery API: discriminate on `code`. */
export type RookeryError =
  | ValidationError
  | NotFoundError
  | ForbiddenError
  | ConflictError
  | LimitExceededError
  | InvariantError
  | NoTenantContextError
  | TenantInactiveError
  | SubscriptionInactiveError
  | ConfigurationError
  | UnsupportedError
  | IsolationBreachError
  | UnavailableError
  | InternalError;

/** Builders for every error, so that messages are worded the same way everywhere. */
export const RookeryErrors = {
  validation: (issues: readonly ValidationIssue[], subject = "input"): ValidationError => ({
    code: "VALIDATION",
    message: `Invalid ${subject}: ${issues.map((issue) => describeIssue(issue, subject)).join("; ")}`,
    issues,
  }),
  notFound: (entity: EntityName, message = `No such ${entity}.`): NotFoundError => ({
    code: "NOT_FOUND",
    message,
    entity,
  }),
  forbidden: (message: string, trace: readonly string[] = []): ForbiddenError => ({
    code: "FORBIDDEN",
    message,
    trace,
  }),
  conflict: (entity: EntityName, message: string): ConflictError => ({
    code: "CONFLICT",
    message,
    entity,
  }),
  limitExceeded: (limit: string, max: number): LimitExceededError => ({
    code: "LIMIT_EXCEEDED",
    message: `The plan allows at most ${max} ${limit}; upgrade the plan or free one first.`,
    limit,
    max,
  }),
  invariant: (message: string): InvariantError => ({ code: "INVARIANT", message }),
  noTenantContext: (
    message = "Tenant data was accessed without a tenant context.",
  ): NoTenantContextError => ({ code: "NO_TENANT_CONTEXT", message }),
  tenantInactive: (status: "suspended" | "deleted"): TenantInactiveError => ({
    code: "TENANT_INACTIVE",
    message: `The tenant is ${status}; its users cannot act until it is reactivated.`,
    status,
  }),
  subscriptionInactive: (status: "past_due" | "canceled"): SubscriptionInactiveError => ({
    code: "SUBSCRIPTION_INACTIVE",
    message: `The subscription is ${status === "past_due" ? "past due" : "canceled"}: the tenant is read-only until it is active again.`,
    status,
  }),
  configuration: (message: string): ConfigurationError => ({ code: "CONFIGURATION", message }),
  unsupported: (message: string): UnsupportedError => ({ code: "UNSUPPORTED", message }),
  isolationBreach: (message: string): IsolationBreachError => ({
    code: "ISOLATION_BREACH",
    message,
  }),
  unavailable: (message: string, cause?: unknown): UnavailableError =>
    withCause<UnavailableError>({ code: "UNAVAILABLE", message }, cause),
  internal: (message: string, cause?: unknown): InternalError =>
    withCause<InternalError>({ code: "INTERNAL", message }, cause),
} as const;

function withCause<E extends { cause?: unknown }>(error: E, cause: unknown): E {
  if (cause !== undefined) {
    Object.defineProperty(error, "cause", { value: cause, enumerable: false });
  }
  return error;
}

/** Converts zod's issues into ours, keeping the path of each failed field. */
export function issuesFromZod(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
}

/** The fields each code carries besides `code` and `message`. */
const REQUIRED_FIELDS: Partial<Record<ErrorCode, Readonly<Record<string, string>>>> = {
  VALIDATION: { issues: "array" },
  NOT_FOUND: { entity: "string" },
  FORBIDDEN: { trace: "array" },
  CONFLICT: { entity: "string" },
  LIMIT_EXCEEDED: { limit: "string", max: "number" },
  TENANT_INACTIVE: { status: "string" },
  SUBSCRIPTION_INACTIVE: { status: "string" },
};

/**
 * True when `value` is a RookeryError (for code that receives `unknown`):
 * a plain object whose `code` is one of ours, with a message and the fields
 * its code carries. A driver's or Node's error, whose `code` is its own
 * (`23505`, `ECONNREFUSED`), is not one.
 */
export function isRookeryError(value: unknown): value is RookeryError {
  if (typeof value !== "object" || value === null || value instanceof Error) return false;
  const candidate = value as Record<string, unknown>;
  if (!isErrorCode(candidate.code) || typeof candidate.message !== "string") return false;
  const fields = REQUIRED_FIELDS[candidate.code] ?? {};
  return Object.entries(fields).every(([field, kind]) =>
    kind === "array" ? Array.isArray(candidate[field]) : typeof candidate[field] === kind,
  );
}

function describeIssue(issue: ValidationIssue, subject: string): string {
  return issue.path === "" || issue.path === subject
    ? issue.message
    : `${issue.path}: ${issue.message}`;
}
