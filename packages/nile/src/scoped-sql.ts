import { type RookeryError, RookeryErrors, type TenantId, type WorkspaceId } from "@rookery/core";
import type { TenantUnit, WorkspaceFilter } from "@rookery/core/adapter";
import { err, ok, type Result, type ResultAsync } from "neverthrow";
import type { QueryResultRow } from "pg";
import type { UnitSession } from "./sql/unit-session.js";

/**
 * The application's own SQL, inside a Rookery tenant unit: same transaction,
 * same tenant context (so RLS or NileDB's isolation applies to app tables
 * too), parameters only. What it may not do is in docs/security.md: each call
 * is ONE statement; transaction and session control (`COMMIT`, `SET`,
 * `LISTEN`, ...) is refused before it is sent (UNSUPPORTED); a statement that
 * changes the tenant or user context, the role or the transaction fails the
 * unit (ISOLATION_BREACH) before its rows are handed over; the handle is dead
 * once its unit ends (INTERNAL, and nothing is sent).
 */
export interface ScopedSql {
  readonly tenantId: TenantId;
  /**
   * The workspaces the actor may see, as the policy decided: null for all,
   * else the ids. Pass it as a `uuid[]` parameter:
   * `AND ($2::uuid[] IS NULL OR workspace_id = ANY ($2::uuid[]))`.
   */
  readonly workspaceIds: readonly WorkspaceId[] | null;
  /**
   * Runs ONE parameterised statement (`$1`, `$2`, ...) in the unit's
   * transaction; its rows once the unit's check confirmed the context.
   */
  query<R extends QueryResultRow>(
    text: string,
    values?: readonly unknown[],
  ): ResultAsync<R[], RookeryError>;
  /** The same as a tagged template: every `${value}` becomes a parameter, never SQL text. */
  sql<R extends QueryResultRow>(
    strings: TemplateStringsArray,
    ...values: readonly unknown[]
  ): ResultAsync<R[], RookeryError>;
}

/** Which session each tenant unit made by this package runs on. */
const sessions = new WeakMap<TenantUnit, UnitSession>();

export function registerSession(unit: TenantUnit, session: UnitSession): void {
  sessions.set(unit, session);
}

/**
 * A scoped SQL handle for a tenant unit of a Nile adapter. `workspaces` is the
 * policy's filter for the acting user (the services pass it; default "all").
 * INVARIANT when the unit comes from another adapter.
 */
export function scopedSql(
  unit: TenantUnit,
  workspaces: WorkspaceFilter = "all",
): Result<ScopedSql, RookeryError> {
  const session = sessions.get(unit);
  if (session === undefined) {
    return err(RookeryErrors.unsupported("Scoped SQL needs a tenant unit of the Nile adapter."));
  }
  const query = <R extends QueryResultRow>(text: string, values: readonly unknown[] = []) =>
    session.appRows<R>(text, values);
  return ok({
    tenantId: unit.tenantId,
    workspaceIds: workspaces === "all" ? null : [...workspaces],
    query,
    sql: <R extends QueryResultRow>(strings: TemplateStringsArray, ...values: readonly unknown[]) =>
      query<R>(
        strings.reduce((text, part, i) => (i === 0 ? part : `${text}$${i}${part}`), ""),
        values,
      ),
  });
}
