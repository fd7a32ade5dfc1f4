import { type EntityName, type RookeryError, RookeryErrors } from "@rookery/core";

/** The fields of a PostgreSQL error that `pg` exposes and we read. */
interface PgErrorLike {
  readonly code?: string;
  readonly constraint?: string;
  readonly table?: string;
  readonly message?: string;
}

/**
 * Which entity a foreign key names when it fails: the row that is missing.
 * Keyed by the constraint names the migrations give.
 */
const MISSING_BY_CONSTRAINT: Readonly<Record<string, EntityName>> = {
  rookery_claims_user_fk: "user",
  rookery_user_subjects_user_fk: "user",
  rookery_assignments_workspace_fk: "workspace",
  rookery_workspace_settings_workspace_fk: "workspace",
  rookery_resources_workspace_fk: "workspace",
};

/** Which entity a duplicate key is about, by table. */
const ENTITY_BY_TABLE: Readonly<Record<string, EntityName>> = {
  tenants: "tenant",
  users: "user",
  rookery_tenant_claims: "user",
  rookery_user_subjects: "user",
  rookery_invitations: "invitation",
  rookery_platform_events: "audit_event",
  tenant_users: "membership",
  rookery_workspaces: "workspace",
  rookery_workspace_assignments: "assignment",
  rookery_subscriptions: "subscription",
  rookery_tenant_settings: "settings",
  rookery_workspace_settings: "settings",
  rookery_resources: "resource",
  rookery_audit_events: "audit_event",
};

// Worth retrying: the server is unreachable, overloaded or gave up on the
// statement (class 08 and 57P01-57P03 connection loss, 53300 too many
// connections, 40001 serialization failure, 40P01 deadlock, 55P03 lock not
// available, 57014 canceled by a timeout). Only the loss ones cost the connection.
// 26000: a prepared statement the connection should hold is gone (something ran
// DEALLOCATE or DISCARD ALL on it); the connection is replaced and a retry succeeds.
const UNAVAILABLE_CODES = /^(08|57P0[1-3]|53300|40001|40P01|55P03|57014|26000)/;
const LOST_CODES = /^(08|57P0[1-3])/;
const NETWORK_MESSAGE =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|connection error|not queryable|timeout exceeded when trying to connect|Client was closed/i;
// A missing table or column, or a privilege or policy refusal: the schema
// may have changed since the start-up check ran.
const SCHEMA_CODES = new Set(["42P01", "42703", "42501", "42883"]);

/**
 * The SQLSTATE of a driver error, or "" when it has none. Node's socket
 * errors have codes too (`EPIPE`), but no SQLSTATE class starts with E.
 */
export function pgCode(cause: unknown): string {
  const code = (cause as PgErrorLike | null)?.code;
  return typeof code === "string" && /^[0-9A-DF-Z][0-9A-Z]{4}$/.test(code) ? code : "";
}

/**
 * True when the connection is gone (class 08, the server shutting the
 * backend down, a socket error), so it must be destroyed. A timeout, a
 * deadlock or a serialization failure leaves it usable once rolled back.
 */
export function isConnectionFailure(cause: unknown): boolean {
  const error = cause as PgErrorLike | null;
  if (error === null || typeof error !== "object") return false;
  const code = pgCode(cause);
  if (code !== "") return LOST_CODES.test(code);
  return NETWORK_MESSAGE.test(error.message ?? "");
}

/** True when a failure suggests the schema changed since it was checked. */
export function suggestsSchemaChange(cause: unknown): boolean {
  return SCHEMA_CODES.has(pgCode(cause));
}

/**
 * The one place driver failures become Rookery errors: duplicates are
 * CONFLICT, missing references NOT_FOUND, an unreachable or overloaded
 * server UNAVAILABLE, anything else INTERNAL. Messages never quote the
 * statement or its values, so no tenant data leaks into logs.
 */
export function fromPgError(cause: unknown): RookeryError {
  const error = (cause ?? {}) as PgErrorLike;
  const code = pgCode(cause);
  if (code === "23505") {
    const entity = ENTITY_BY_TABLE[error.table ?? ""] ?? "resource";
    return RookeryErrors.conflict(entity, `The ${entity} collides with an existing one.`);
  }
  if (code === "23503") {
    const entity = MISSING_BY_CONSTRAINT[error.constraint ?? ""] ?? "tenant";
    return RookeryErrors.notFound(entity);
  }
  if (code === "22P02" || code === "22023" || code === "22P05" || code === "22021") {
    return RookeryErrors.validation([{ path: "", message: "a value has the wrong format" }]);
  }
  if (code === "25006") return RookeryErrors.internal("A read unit of work tried to write.", cause);
  if (UNAVAILABLE_CODES.test(code) || isConnectionFailure(cause)) {
    return RookeryErrors.unavailable(
      "The database is unreachable or busy; retrying may succeed.",
      cause,
    );
  }
  return RookeryErrors.internal(`The database refused a statement (${code || "no code"}).`, cause);
}
