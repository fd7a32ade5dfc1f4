import type { z } from "zod";
import type { ErrorCode } from "./error-codes.js";

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
  | "audit_event";

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

export interface ValidationError extends ErrorBase<"VALIDATION"> {
  readonly issues: readonly ValidationIssue[];
}
export interface NotFoundError extends ErrorBase<"NOT_FOUND"> {
  readonly entity: EntityName;
}
export interface ForbiddenError extends ErrorBase<"FORBIDDEN"> {
  /** The policy's explanation of the decision, one readable line a step. */
  readonly trace: readonly string[];
}
export interface ConflictError extends ErrorBase<"CONFLICT"> {
  readonly entity: EntityName;
}
export interface LimitExceededError extends ErrorBase<"LIMIT_EXCEEDED"> {
  readonly limit: string;
  readonly max: number;
}
export interface TenantInactiveError extends ErrorBase<"TENANT_INACTIVE"> {
  readonly status: "suspended" | "deleted";
}
export type InvariantError = ErrorBase<"INVARIANT">;
export type NoTenantContextError = ErrorBase<"NO_TENANT_CONTEXT">;
export interface UnavailableError extends ErrorBase<"UNAVAILABLE"> {
  readonly cause?: unknown;
}
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
  unavailable: (message: string, cause?: unknown): UnavailableError =>
    cause === undefined
      ? { code: "UNAVAILABLE", message }
      : { code: "UNAVAILABLE", message, cause },
  internal: (message: string, cause?: unknown): InternalError =>
    cause === undefined ? { code: "INTERNAL", message } : { code: "INTERNAL", message, cause },
} as const;

/** Converts zod's issues into ours, keeping the path of each failed field. */
export function issuesFromZod(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
}

/** True when `value` is a RookeryError (for code that receives `unknown`). */
export function isRookeryError(value: unknown): value is RookeryError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { code?: unknown }).code === "string" &&
    typeof (value as { message?: unknown }).message === "string"
  );
}

function describeIssue(issue: ValidationIssue, subject: string): string {
  return issue.path === "" || issue.path === subject
    ? issue.message
    : `${issue.path}: ${issue.message}`;
}
