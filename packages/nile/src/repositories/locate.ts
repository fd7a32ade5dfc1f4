import type { Tenant, User } from "@rookery/core";
import type { TenantClaim, UserLocation, UserLookup } from "@rookery/core/adapter";
import { AS_INSTANT, type Async, modelRow } from "../sql/rows.js";
import type { UnitSession } from "../sql/unit-session.js";
import { USER_COLUMNS, USERS } from "./platform-users.js";

// The user with their claim and its tenant's row, in one statement:
// `tenancy.as(...)` then costs one round trip on a pipelined pool.
const LOCATE = `SELECT ${USER_COLUMNS},
    c.user_id AS "claim.userId", c.claimed_tenant_id AS "claim.tenantId", c.claimed_at AS "claim.claimedAt",
    t.id AS "tenant.id", t.name AS "tenant.name", t.rookery_status AS "tenant.status",
    ${AS_INSTANT("t.deleted", "tenant.deletedAt")}, ${AS_INSTANT("t.created", "tenant.createdAt")},
    ${AS_INSTANT("t.updated", "tenant.updatedAt")}
  FROM ${USERS}
    LEFT JOIN public.rookery_tenant_claims c ON c.user_id = u.id
    LEFT JOIN public.tenants t ON t.id = c.claimed_tenant_id
  WHERE u.deleted IS NULL`;

/** A user (by id or subject) with their claim and their tenant's row, or null. */
export function locateUser(s: UnitSession, by: UserLookup): Async<UserLocation | null> {
  const [where, key] =
    "userId" in by ? [`u.id = $1::uuid`, by.userId] : [`s.subject = $1::text`, by.subject];
  return s.rows(`${LOCATE} AND ${where}`, [key]).map(([row]) => {
    if (row === undefined) return null;
    const parts: Record<"user" | "claim" | "tenant", Record<string, unknown>> = {
      user: {},
      claim: {},
      tenant: {},
    };
    for (const [key, value] of Object.entries(row)) {
      const dot = key.indexOf(".");
      if (dot < 0) parts.user[key] = value;
      else parts[key.slice(0, dot) as "claim" | "tenant"][key.slice(dot + 1)] = value;
    }
    return {
      user: modelRow<User>(parts.user),
      claim: parts.claim.userId === null ? null : modelRow<TenantClaim>(parts.claim),
      tenant: parts.tenant.id === null ? null : modelRow<Tenant>(parts.tenant),
    };
  });
}
