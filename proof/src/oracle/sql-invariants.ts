/**
 * The domain's invariants as one SQL statement, run as a superuser (RLS does
 * not apply). Written from the schema's meaning, not from the adapter's
 * statements: a second, independent reading of the same rules that
 * `invariantViolations` checks on the rows. Each row it returns is a violation.
 * `$1` is true when no tenant may be left in `provisioning`; `$2` is the plan
 * catalogue as JSON (plan name to `{ limits }`).
 */
export const SQL_INVARIANTS = `
WITH live_members AS (
  SELECT tenant_id, user_id, 'owner' = ANY (roles) AS is_owner
  FROM users.tenant_users WHERE deleted IS NULL
), visible AS (
  SELECT id FROM tenants WHERE rookery_status <> 'provisioning'
)
SELECT 'one owner per tenant' AS rule, v.id::text AS subject FROM visible v
  WHERE (SELECT count(*) FROM live_members m WHERE m.tenant_id = v.id AND m.is_owner) <> 1
UNION ALL
SELECT 'one subscription per tenant', v.id::text FROM visible v
  WHERE (SELECT count(*) FROM rookery_subscriptions s WHERE s.tenant_id = v.id) <> 1
UNION ALL
SELECT 'one settings row per tenant', v.id::text FROM visible v
  WHERE (SELECT count(*) FROM rookery_tenant_settings s WHERE s.tenant_id = v.id) <> 1
UNION ALL
SELECT 'the subscription''s limits are its plan''s', s.tenant_id::text FROM rookery_subscriptions s
  WHERE ($2::jsonb -> s.plan -> 'limits') IS DISTINCT FROM s.limits
UNION ALL
SELECT 'seats within the plan', s.tenant_id::text FROM rookery_subscriptions s
  WHERE (SELECT count(*) FROM live_members m WHERE m.tenant_id = s.tenant_id) > (s.limits->>'seats')::int
UNION ALL
SELECT 'workspaces within the plan', s.tenant_id::text FROM rookery_subscriptions s
  WHERE (SELECT count(*) FROM rookery_workspaces w WHERE w.tenant_id = s.tenant_id)
        > (s.limits->>'workspaces')::int
UNION ALL
SELECT 'one tenant per user', user_id::text FROM live_members GROUP BY user_id HAVING count(*) > 1
UNION ALL
SELECT 'a membership has its user''s claim', m.user_id::text FROM live_members m
  WHERE NOT EXISTS (SELECT 1 FROM rookery_tenant_claims c
                    WHERE c.user_id = m.user_id AND c.claimed_tenant_id = m.tenant_id)
UNION ALL
SELECT 'a member has a user row', m.user_id::text FROM live_members m
  WHERE NOT EXISTS (SELECT 1 FROM users.users u WHERE u.id = m.user_id AND u.deleted IS NULL)
UNION ALL
SELECT 'a claim has its membership', c.user_id::text FROM rookery_tenant_claims c
  JOIN visible v ON v.id = c.claimed_tenant_id
  WHERE NOT EXISTS (SELECT 1 FROM live_members m
                    WHERE m.user_id = c.user_id AND m.tenant_id = c.claimed_tenant_id)
UNION ALL
SELECT 'a claim names a tenant', c.user_id::text FROM rookery_tenant_claims c
  WHERE NOT EXISTS (SELECT 1 FROM tenants t WHERE t.id = c.claimed_tenant_id)
UNION ALL
SELECT 'orphan assignment (workspace)', a.workspace_id::text FROM rookery_workspace_assignments a
  WHERE NOT EXISTS (SELECT 1 FROM rookery_workspaces w
                    WHERE w.tenant_id = a.tenant_id AND w.id = a.workspace_id)
UNION ALL
SELECT 'orphan assignment (member)', a.user_id::text FROM rookery_workspace_assignments a
  WHERE NOT EXISTS (SELECT 1 FROM live_members m
                    WHERE m.tenant_id = a.tenant_id AND m.user_id = a.user_id)
UNION ALL
SELECT 'orphan resource', r.id::text FROM rookery_resources r
  WHERE r.workspace_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM rookery_workspaces w WHERE w.tenant_id = r.tenant_id AND w.id = r.workspace_id)
UNION ALL
SELECT 'orphan override', o.workspace_id::text FROM rookery_workspace_settings o
  WHERE NOT EXISTS (SELECT 1 FROM rookery_workspaces w
                    WHERE w.tenant_id = o.tenant_id AND w.id = o.workspace_id)
UNION ALL
SELECT 'tenant left provisioning', id::text FROM tenants
  WHERE $1::boolean AND rookery_status = 'provisioning'`;

/** Every table with a `tenant_id` column: found in the catalogue, so new tables are checked too. */
export const TENANT_AWARE_TABLES = `
SELECT format('%I.%I', c.table_schema, c.table_name) AS name
FROM information_schema.columns c
JOIN information_schema.tables t USING (table_schema, table_name)
WHERE c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
  AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
ORDER BY 1`;
