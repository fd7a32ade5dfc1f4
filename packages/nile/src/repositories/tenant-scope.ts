import type { TenantId } from "@rookery/core";
import type { UnitSession } from "../sql/unit-session.js";

/**
 * What every repository of one tenant unit shares: the session and its
 * tenant. Every statement names `tenant_id = $1` itself: the database
 * context (RLS or NileDB's routing) is a second wall, not the only one. The
 * rules that are not about storage (no write in a read unit, no row of
 * another tenant, no write to a tenant without a row) are core's guard's.
 */
export interface TenantScope {
  readonly s: UnitSession;
  readonly tenantId: TenantId;
}
