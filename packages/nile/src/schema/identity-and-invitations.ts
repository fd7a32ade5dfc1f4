/**
 * The application's identity for its users, and invitations. NileDB's
 * `users.users` is a built-in whose columns are NileDB's, so subjects live in
 * a shared table of Rookery's, keyed by the subject (unique and indexed by
 * the key) and naming one user (unique: one subject per user). Idempotent.
 */
export const USER_SUBJECTS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS public.rookery_user_subjects (
     subject text PRIMARY KEY,
     user_id uuid NOT NULL CONSTRAINT rookery_user_subjects_user_key UNIQUE
       CONSTRAINT rookery_user_subjects_user_fk REFERENCES users.users (id) ON DELETE CASCADE)`,
];

/**
 * Invitations are the tenant's: tenant-aware, `tenant_id` first in the key and
 * the index. The token is never stored, only a hash of its secret.
 */
export const INVITATIONS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS public.rookery_invitations (
     tenant_id uuid NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
     id uuid NOT NULL,
     email text NOT NULL,
     role text NOT NULL,
     workspace_ids uuid[] NOT NULL,
     invited_by uuid NOT NULL,
     status text NOT NULL,
     expires_at timestamptz NOT NULL,
     accepted_by uuid,
     secret_hash text NOT NULL,
     created_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL,
     PRIMARY KEY (tenant_id, id))`,
  `CREATE INDEX IF NOT EXISTS rookery_invitations_by_email
     ON public.rookery_invitations (tenant_id, email, status)`,
];

/**
 * The outbox. A tenant's audit log is its outbox: each event carries a
 * delivery mark, null until the application's subscribers took it (the
 * partial index keeps finding pending events cheap however long the log).
 * Events of changes to shared data (a tenant's status, its purge) are written
 * to a shared table in the unit that makes the change; its tenant column is
 * not called `tenant_id`, which would make it tenant-aware on NileDB.
 */
export const OUTBOX: readonly string[] = [
  `ALTER TABLE public.rookery_audit_events ADD COLUMN IF NOT EXISTS delivered_at timestamptz`,
  `CREATE INDEX IF NOT EXISTS rookery_audit_events_pending
     ON public.rookery_audit_events (tenant_id, id) WHERE delivered_at IS NULL`,
  `CREATE TABLE IF NOT EXISTS public.rookery_platform_events (
     id uuid PRIMARY KEY,
     event_tenant_id uuid NOT NULL,
     actor_id uuid,
     action text NOT NULL,
     target_type text NOT NULL,
     target_id text NOT NULL,
     before jsonb,
     after jsonb,
     at timestamptz NOT NULL)`,
];

/** Who operated the platform when it acted: recorded with the event, in the log and the outbox. */
export const OPERATORS: readonly string[] = [
  `ALTER TABLE public.rookery_audit_events ADD COLUMN IF NOT EXISTS operator text`,
  `ALTER TABLE public.rookery_platform_events ADD COLUMN IF NOT EXISTS operator text`,
];
