/**
 * PostgreSQL mode only: the NileDB built-in tables Rookery relies on, with
 * the columns NileDB gives them, so one schema and one adapter serve both.
 * On NileDB these exist already and must not be created.
 */
export const POSTGRES_BUILTINS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS public.tenants (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     name text,
     created timestamp NOT NULL DEFAULT LOCALTIMESTAMP,
     updated timestamp NOT NULL DEFAULT LOCALTIMESTAMP,
     deleted timestamp)`,
  `CREATE SCHEMA IF NOT EXISTS users`,
  `CREATE TABLE IF NOT EXISTS users.users (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     created timestamp NOT NULL DEFAULT LOCALTIMESTAMP,
     updated timestamp NOT NULL DEFAULT LOCALTIMESTAMP,
     deleted timestamp,
     name text, family_name text, given_name text,
     email text NOT NULL,
     picture text,
     email_verified timestamp)`,
  `CREATE UNIQUE INDEX IF NOT EXISTS users_email_live_key ON users.users (email) WHERE deleted IS NULL`,
  // Tenant-aware: tenant_id first in the key, a foreign key to tenants, and
  // none to users.users (NileDB forbids tenant-to-shared foreign keys).
  `CREATE TABLE IF NOT EXISTS users.tenant_users (
     tenant_id uuid NOT NULL REFERENCES public.tenants (id) ON DELETE CASCADE,
     user_id uuid NOT NULL,
     created timestamp NOT NULL DEFAULT LOCALTIMESTAMP,
     updated timestamp NOT NULL DEFAULT LOCALTIMESTAMP,
     deleted timestamp,
     roles text[],
     email text,
     PRIMARY KEY (tenant_id, user_id))`,
];

/**
 * PostgreSQL mode only: brings the stand-ins closer to NileDB's built-ins as
 * NileDB documents them (and as its auth service uses them): `users.users`
 * takes a NULL e-mail, its unique index has NileDB's name, it has the
 * `multi_factor` column NileDB's auth service writes, and a membership's
 * foreign key to `tenants` does not cascade, so a tenant with memberships
 * left cannot be deleted, as on NileDB.
 */
export const POSTGRES_BUILTINS_AS_NILEDB: readonly string[] = [
  `ALTER TABLE users.users ALTER COLUMN email DROP NOT NULL`,
  `ALTER INDEX IF EXISTS users.users_email_live_key RENAME TO users_email_key`,
  `ALTER TABLE users.users ADD COLUMN IF NOT EXISTS multi_factor text`,
  `ALTER TABLE users.tenant_users DROP CONSTRAINT IF EXISTS tenant_users_tenant_id_fkey`,
  `ALTER TABLE users.tenant_users ADD CONSTRAINT tenant_users_tenant_id_fkey
     FOREIGN KEY (tenant_id) REFERENCES public.tenants (id)`,
];
