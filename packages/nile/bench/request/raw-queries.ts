/**
 * The hand-written queries Rookery is measured against: what an application
 * would write itself on a plain pool, with its own tenant filter.
 */
export const RAW = {
  get: `SELECT tenant_id, id, type, workspace_id, data, version, created_by, created_at, updated_at
        FROM rookery_resources WHERE tenant_id = $1 AND type = 'campaign' AND id = $2`,
  insert: `INSERT INTO rookery_resources (tenant_id, type, id, workspace_id, data, version,
             created_by, created_at, updated_at)
           VALUES ($1, 'campaign', gen_random_uuid(), $2, $3, 1, $4, now(), now())`,
  list: `SELECT tenant_id, id, type, workspace_id, data, version, created_by, created_at, updated_at
         FROM rookery_resources WHERE tenant_id = $1 AND type = 'campaign'
         ORDER BY id LIMIT 20`,
  members: `SELECT m.user_id, m.roles, u.email, u.name FROM users.tenant_users m
            JOIN users.users u ON u.id = m.user_id
            WHERE m.tenant_id = $1 AND m.deleted IS NULL ORDER BY m.user_id LIMIT 20`,
} as const;
