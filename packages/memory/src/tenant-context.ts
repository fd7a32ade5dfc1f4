import { type RookeryError, RookeryErrors, type TenantId } from "@rookery/core";
import { type Async, fail, whenWritable } from "./results.js";
import type { TenantTables } from "./state.js";
import type { Draft } from "./tables.js";

/** What every repository of one tenant unit shares. */
export interface TenantContext {
  readonly tenantId: TenantId;
  readonly draft: Draft<TenantTables>;
  /** Whether the tenant row exists right now (writes to a missing tenant fail). */
  readonly tenantExists: () => boolean;
}

/**
 * Guards a write: refused in a read unit, NOT_FOUND for a tenant that does not
 * exist, INVARIANT for a row that names another tenant than the unit's.
 */
export function guardedWrite<T>(
  ctx: TenantContext,
  row: { readonly tenantId?: string } | null,
  write: () => Async<T>,
): Async<T> {
  return whenWritable(ctx.draft.writable, () => {
    const refusal = refuse(ctx, row);
    return refusal === null ? write() : fail(refusal);
  });
}

function refuse(
  ctx: TenantContext,
  row: { readonly tenantId?: string } | null,
): RookeryError | null {
  if (row?.tenantId !== undefined && row.tenantId !== ctx.tenantId) {
    return RookeryErrors.isolationBreach(
      "A row for another tenant was written in this tenant's unit of work.",
    );
  }
  return ctx.tenantExists() ? null : RookeryErrors.notFound("tenant");
}
