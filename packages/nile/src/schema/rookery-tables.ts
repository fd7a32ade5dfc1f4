/**
 * Rookery's own schema, valid on NileDB: no functions, triggers, policies or
 * sequences; every tenant-aware table has `tenant_id` first in its primary key
 * and every index, a foreign key to `tenants`, and foreign keys only to other
 * tenant-aware tables (always through `tenant_id`). Every statement is
 * idempotent, so a migration interrupted half-way can simply run again.
 */
export const ROOKERY_TABLES: readonly string[] = [
  // NileDB's tenants table has no status; Rookery adds one (adding columns to
  // `tenants` is how NileDB expects it to be extended).
  `ALTER TABLE public.tenants ADD COLUMN IF NOT EXISTS rookery_status text NOT NULL DEFAULT 'active'`,
  // Shared: one row per user, so "a user belongs to one tenant" is a primary key.
  `CREATE TABLE IF NOT EXISTS public.rookery_tenant_claims (
     user_id uuid PRIMARY KEY CONSTRAINT rookery_claims_user_fk REFERENCES users.users (id) ON DELETE CASCADE,
     claimed_tenant_id uuid NOT NULL,
     claimed_at timestamptz NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS rookery_tenant_claims_tenant ON public.rookery_tenant_claims (claimed_tenant_id)`,
  // At most one live owner per tenant, whatever else `roles` holds.
  `CREATE UNIQUE INDEX IF NOT EXISTS rookery_one_owner ON users.tenant_users (tenant_id)
     WHERE 'owner' = ANY (roles) AND deleted IS NULL`,
  `CREATE TABLE IF NOT EXISTS public.rookery_workspaces (
     tenant_id uuid NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
     id uuid NOT NULL,
     name text NOT NULL,
     status text NOT NULL,
     created_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL,
     PRIMARY KEY (tenant_id, id),
     CONSTRAINT rookery_workspaces_name_key UNIQUE (tenant_id, name))`,
  `CREATE TABLE IF NOT EXISTS public.rookery_workspace_assignments (
     tenant_id uuid NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
     workspace_id uuid NOT NULL,
     user_id uuid NOT NULL,
     created_at timestamptz NOT NULL,
     PRIMARY KEY (tenant_id, workspace_id, user_id),
     CONSTRAINT rookery_assignments_workspace_fk FOREIGN KEY (tenant_id, workspace_id)
       REFERENCES public.rookery_workspaces (tenant_id, id) ON DELETE CASCADE)`,
  `CREATE INDEX IF NOT EXISTS rookery_assignments_by_user
     ON public.rookery_workspace_assignments (tenant_id, user_id, workspace_id)`,
  `CREATE TABLE IF NOT EXISTS public.rookery_subscriptions (
     tenant_id uuid PRIMARY KEY REFERENCES public.tenants (id) ON DELETE CASCADE,
     plan text NOT NULL,
     status text NOT NULL,
     limits jsonb NOT NULL,
     created_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS public.rookery_tenant_settings (
     tenant_id uuid PRIMARY KEY REFERENCES public.tenants (id) ON DELETE CASCADE,
     data jsonb NOT NULL,
     created_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS public.rookery_workspace_settings (
     tenant_id uuid NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
     workspace_id uuid NOT NULL,
     data jsonb NOT NULL,
     created_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL,
     PRIMARY KEY (tenant_id, workspace_id),
     CONSTRAINT rookery_workspace_settings_workspace_fk FOREIGN KEY (tenant_id, workspace_id)
       REFERENCES public.rookery_workspaces (tenant_id, id) ON DELETE CASCADE)`,
  `CREATE TABLE IF NOT EXISTS public.rookery_resources (
     tenant_id uuid NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
     type text NOT NULL,
     id uuid NOT NULL,
     workspace_id uuid,
     data jsonb NOT NULL,
     version integer NOT NULL,
     created_by uuid,
     created_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL,
     PRIMARY KEY (tenant_id, type, id),
     CONSTRAINT rookery_resources_workspace_fk FOREIGN KEY (tenant_id, workspace_id)
       REFERENCES public.rookery_workspaces (tenant_id, id) ON DELETE CASCADE)`,
  `CREATE INDEX IF NOT EXISTS rookery_resources_by_workspace
     ON public.rookery_resources (tenant_id, type, workspace_id, id)`,
  `CREATE TABLE IF NOT EXISTS public.rookery_audit_events (
     tenant_id uuid NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
     id uuid NOT NULL,
     actor_id uuid,
     action text NOT NULL,
     target_type text NOT NULL,
     target_id text NOT NULL,
     before jsonb,
     after jsonb,
     at timestamptz NOT NULL,
     PRIMARY KEY (tenant_id, id))`,
];

/**
 * The tenant-aware tables of the first migrations, whose row security
 * migration 0003 installs. Frozen with it: migrations are append-only, and a
 * table added later gets its policy from the migration that adds it.
 */
export const FIRST_TENANT_AWARE_TABLES: readonly string[] = [
  "users.tenant_users",
  "rookery_workspaces",
  "rookery_workspace_assignments",
  "rookery_subscriptions",
  "rookery_tenant_settings",
  "rookery_workspace_settings",
  "rookery_resources",
  "rookery_audit_events",
];

/** The tenant-aware tables Rookery reads and writes (RLS applies to each in PostgreSQL mode). */
export const TENANT_AWARE_TABLES: readonly string[] = [
  ...FIRST_TENANT_AWARE_TABLES,
  "rookery_invitations",
];

/** The shared tables a platform unit uses. */
export const SHARED_TABLES: readonly string[] = [
  "tenants",
  "users.users",
  "rookery_tenant_claims",
  "rookery_user_subjects",
  "rookery_platform_events",
];

/**
 * A Rookery table's name as its statements use it: schema-qualified, so a
 * temporary table of the same name cannot stand in for it.
 */
export const qualified = (table: string): string =>
  table.includes(".") ? table : `public.${table}`;
