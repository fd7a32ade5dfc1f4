import type { Tenant, UserId } from "@rookery/core";
import type { TenantClaim, UserLocation } from "@rookery/core/adapter";
import { AS_INSTANT, type Async, modelRow } from "../sql/rows.js";
import type { UnitSession } from "../sql/unit-session.js";

// The claim with its tenant's row, in one statement: `tenancy.as(userId)` then
// costs one round trip on a pipelined pool.
const LOCATE = `SELECT c.user_id AS "userId", c.claimed_tenant_id AS "tenantId", c.claimed_at AS "claimedAt",
    t.id AS "tenant.id", t.name AS "tenant.name", t.rookery_status AS "tenant.status",
    ${AS_INSTANT("t.deleted", "tenant.deletedAt")}, ${AS_INSTANT("t.created", "tenant.createdAt")},
    ${AS_INSTANT("t.updated", "tenant.updatedAt")}
  FROM public.rookery_tenant_claims c LEFT JOIN public.tenants t ON t.id = c.claimed_tenant_id
  WHERE c.user_id = $1::uuid`;

/** Where a user belongs: their claim and their tenant's row, or null. */
export function locateUser(s: UnitSession, userId: UserId): Async<UserLocation | null> {
  return s.rows(LOCATE, [userId]).map(([row]) => {
    if (row === undefined) return null;
    const claim: Record<string, unknown> = {};
    const tenant: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) {
      if (key.startsWith("tenant.")) tenant[key.slice("tenant.".length)] = value;
      else claim[key] = value;
    }
    return {
      claim: modelRow<TenantClaim>(claim),
      tenant: tenant.id === null ? null : modelRow<Tenant>(tenant),
    };
  });
}
