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
  rookery_assignments_workspace_fk: "workspace",
  rookery_workspace_settings_workspace_fk: "workspace",
  rookery_resources_workspace_fk: "workspace",
};

/** Which entity a duplicate key is about, by table. */
const ENTITY_BY_TABLE: Readonly<Record<string, EntityName>> = {
  tenants: "tenant",
  users: "user",
  rookery_tenant_claims: "user",
  tenant_users: "membership",
  rookery_workspaces: "workspace",
  rookery_workspace_assignments: "assignment",
  rookery_subscriptions: "subscription",
  rookery_tenant_settings: "settings",
  rookery_workspace_settings: "settings",
  rookery_resources: "resource",
  rookery_audit_events: "audit_event",
};

// Class 08 is connection exceptions; 57P0x the server going away; 53300 too many connections.
const UNAVAILABLE_CODES = /^(08|57P0|53300|40001|40P01|55P03|57014)/;
const NETWORK_MESSAGE =
  /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|connection error|not queryable|timeout exceeded when trying to connect|Client was closed/i;

/** True when the failure is about reaching the server, not about the statement. */
export function isConnectionFailure(cause: unknown): boolean {
  const error = cause as PgErrorLike | null;
  if (error === null || typeof error !== "object") return false;
  if (error.code !== undefined && /^(08|57P0)/.test(error.code)) return true;
  return error.code === undefined || /^E[A-Z]+$/.test(error.code)
    ? NETWORK_MESSAGE.test(error.message ?? "")
    : false;
}

/**
 * The one place driver failures become Rookery errors: duplicates are
 * CONFLICT, missing references NOT_FOUND, an unreachable or overloaded
 * server UNAVAILABLE, anything else INTERNAL. Messages never quote the
 * statement or its values, so no tenant data leaks into logs.
 */
export function fromPgError(cause: unknown): RookeryError {
  const error = (cause ?? {}) as PgErrorLike;
  const code = error.code ?? "";
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
