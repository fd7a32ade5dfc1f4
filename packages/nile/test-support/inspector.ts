import type { InspectedTable } from "@rookery/testing";
import type { Pool } from "pg";

const UTC = (column: string, alias: string) => `(${column} AT TIME ZONE 'UTC') AS "${alias}"`;

/**
 * Raw reads as a superuser (RLS does not apply), written apart from the
 * adapter's own SQL so the suite checks the adapter against the tables.
 */
const QUERIES: Record<InspectedTable, string> = {
  tenants: `SELECT id, name, rookery_status AS status, ${UTC("deleted", "deletedAt")},
    ${UTC("created", "createdAt")}, ${UTC("updated", "updatedAt")} FROM tenants ORDER BY id`,
  users: `SELECT u.id, u.email, u.name, s.subject, ${UTC("u.created", "createdAt")},
    ${UTC("u.updated", "updatedAt")}
    FROM users.users u LEFT JOIN rookery_user_subjects s ON s.user_id = u.id ORDER BY u.id`,
  claims: `SELECT user_id AS "userId", claimed_tenant_id AS "tenantId", claimed_at AS "claimedAt"
    FROM rookery_tenant_claims ORDER BY user_id`,
  memberships: `SELECT tenant_id AS "tenantId", user_id AS "userId", roles[1] AS role,
    ${UTC("created", "createdAt")}, ${UTC("updated", "updatedAt")}
    FROM users.tenant_users WHERE deleted IS NULL ORDER BY tenant_id, user_id`,
  workspaces: `SELECT tenant_id AS "tenantId", id, name, status, created_at AS "createdAt",
    updated_at AS "updatedAt" FROM rookery_workspaces ORDER BY tenant_id, id`,
  assignments: `SELECT tenant_id AS "tenantId", workspace_id AS "workspaceId", user_id AS "userId",
    created_at AS "createdAt" FROM rookery_workspace_assignments ORDER BY 1, 2, 3`,
  subscriptions: `SELECT tenant_id AS "tenantId", plan, status, limits, created_at AS "createdAt",
    updated_at AS "updatedAt" FROM rookery_subscriptions ORDER BY 1`,
  tenant_settings: `SELECT tenant_id AS "tenantId", data AS values, created_at AS "createdAt",
    updated_at AS "updatedAt" FROM rookery_tenant_settings ORDER BY 1`,
  workspace_settings: `SELECT tenant_id AS "tenantId", workspace_id AS "workspaceId", data AS values,
    created_at AS "createdAt", updated_at AS "updatedAt" FROM rookery_workspace_settings ORDER BY 1, 2`,
  resources: `SELECT tenant_id AS "tenantId", id, type, workspace_id AS "workspaceId", data, version,
    created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt"
    FROM rookery_resources ORDER BY 1, 2`,
  invitations: `SELECT tenant_id AS "tenantId", id, email, role, workspace_ids AS "workspaceIds",
    invited_by AS "invitedBy", status, expires_at AS "expiresAt", accepted_by AS "acceptedBy",
    secret_hash AS "secretHash", created_at AS "createdAt", updated_at AS "updatedAt"
    FROM rookery_invitations ORDER BY 1, 2`,
  audit_events: `SELECT tenant_id AS "tenantId", id, actor_id AS "actorId", operator, action,
    json_build_object('type', target_type, 'id', target_id) AS target, before, after, at
    FROM rookery_audit_events ORDER BY 1, 2`,
  delivered_events: `SELECT tenant_id AS "tenantId", id, delivered_at AS "deliveredAt"
    FROM rookery_audit_events WHERE delivered_at IS NOT NULL ORDER BY 1, 2`,
  platform_events: `SELECT event_tenant_id AS "tenantId", id, actor_id AS "actorId", operator, action,
    json_build_object('type', target_type, 'id', target_id) AS target, before, after, at
    FROM rookery_platform_events ORDER BY id`,
};

/** Every table the tests write, emptied between tests. */
const ALL_TABLES = `tenants, users.users, users.tenant_users, rookery_tenant_claims,
  rookery_workspaces, rookery_workspace_assignments, rookery_subscriptions, rookery_tenant_settings,
  rookery_workspace_settings, rookery_resources, rookery_audit_events, rookery_user_subjects,
  rookery_invitations, rookery_platform_events`;

export function inspector(superuser: Pool) {
  return {
    rows: async (table: InspectedTable): Promise<Record<string, unknown>[]> => {
      const { rows } = await superuser.query<Record<string, unknown>>(QUERIES[table]);
      return rows.map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
        ),
      );
    },
    truncateAll: async (): Promise<void> => {
      await superuser.query(`TRUNCATE ${ALL_TABLES}`);
    },
  };
}
