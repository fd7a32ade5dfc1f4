/**
 * PostgreSQL mode only: the NileDB built-in tables Rookery relies on, with
 * the columns NileDB gives them, so one schema and one adapter serve both.
 * On NileDB these exist already and must not be created.
 */
export const POSTGRES_BUILTINS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS tenants (
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
     tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
     user_id uuid NOT NULL,
     created timestamp NOT NULL DEFAULT LOCALTIMESTAMP,
     updated timestamp NOT NULL DEFAULT LOCALTIMESTAMP,
     deleted timestamp,
     roles text[],
     email text,
     PRIMARY KEY (tenant_id, user_id))`,
];
