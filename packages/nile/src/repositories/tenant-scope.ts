import { RookeryErrors, type TenantId } from "@rookery/core";
import { errAsync } from "neverthrow";
import type { Async } from "../sql/rows.js";
import type { UnitSession } from "../sql/unit-session.js";

/** What every repository of one tenant unit shares: the session and its tenant. */
export interface TenantScope {
  readonly s: UnitSession;
  readonly tenantId: TenantId;
}

/**
 * Guards a tenant write: refused in a read unit, INVARIANT for a row naming
 * another tenant, NOT_FOUND (`tenant`) when the tenant row is missing.
 * Every statement still names `tenant_id = $1` itself: the database context
 * (RLS or NileDB's routing) is a second wall, not the only one.
 */
export function ownWrite<T>(
  scope: TenantScope,
  row: { readonly tenantId?: string } | null,
  body: () => Async<T>,
): Async<T> {
  if (!scope.s.writable) {
    return errAsync(RookeryErrors.internal("A read unit of work tried to write."));
  }
  if (row?.tenantId !== undefined && row.tenantId !== scope.tenantId) {
    return errAsync(
      RookeryErrors.isolationBreach(
        "A row for another tenant was written in this tenant's unit of work.",
      ),
    );
  }
  return scope.s.write(body);
}
