import type { Tenant, TenantId, UserId, WorkspaceId } from "@rookery/core";
import type { ActorRecord } from "@rookery/core/adapter";
import { AS_INSTANT, type Async, modelRow } from "../sql/rows.js";
import type { UnitSession } from "../sql/unit-session.js";
import { MEMBER_ROLE } from "./memberships.js";

// One row whatever exists: the tenant's columns (null when it has none), the
// user's live role (null when not a member) and their assignments.
const ACTOR_SQL = `SELECT t.id, t.name, t.rookery_status AS status,
    ${AS_INSTANT("t.deleted", "deletedAt")}, ${AS_INSTANT("t.created", "createdAt")},
    ${AS_INSTANT("t.updated", "updatedAt")},
    (SELECT ${MEMBER_ROLE} FROM users.tenant_users m
      WHERE m.tenant_id = $1::uuid AND m.user_id = $2::uuid AND m.deleted IS NULL) AS role,
    ARRAY(SELECT a.workspace_id::text FROM public.rookery_workspace_assignments a
      WHERE a.tenant_id = $1::uuid AND a.user_id = $2::uuid ORDER BY a.workspace_id) AS "workspaceIds",
    (SELECT s.status FROM public.rookery_subscriptions s WHERE s.tenant_id = $1::uuid)
      AS "subscriptionStatus"
  FROM (SELECT 1) AS one LEFT JOIN public.tenants t ON t.id = $1::uuid`;

/**
 * The acting user in one statement instead of three reads, so that on a
 * pipelined pool it leaves with BEGIN and the tenant context and costs no
 * round trip of its own. It answers exactly what the three reads would.
 */
export function readActor(s: UnitSession, tenantId: TenantId, userId: UserId): Async<ActorRecord> {
  return s.rows(ACTOR_SQL, [tenantId, userId]).map(([row]) => {
    const { role, workspaceIds, subscriptionStatus, ...tenant } = row ?? {};
    return {
      tenant: tenant.id === null || tenant.id === undefined ? null : modelRow<Tenant>(tenant),
      role: (role ?? null) as ActorRecord["role"],
      workspaceIds: (workspaceIds ?? []) as WorkspaceId[],
      subscriptionStatus: (subscriptionStatus ?? null) as ActorRecord["subscriptionStatus"],
    };
  });
}
