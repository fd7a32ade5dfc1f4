import { INVITATIONS, OPERATORS, OUTBOX, USER_SUBJECTS } from "./identity-and-invitations.js";
import { POSTGRES_BUILTINS, POSTGRES_BUILTINS_AS_NILEDB } from "./postgres-builtins.js";
import { ROOKERY_TABLES } from "./rookery-tables.js";
import { POSTGRES_INVITATIONS_ROW_SECURITY, POSTGRES_ROW_SECURITY } from "./row-security.js";

/** Where the schema goes: a NileDB database, or plain PostgreSQL with RLS. */
export type SchemaMode = "nile" | "postgres";

/** One step of Rookery's schema, with the modes it belongs to. */
export interface Migration {
  /** Recorded once applied; never renamed. */
  readonly id: string;
  readonly modes: readonly SchemaMode[];
  readonly statements: readonly string[];
}

/** Every migration, in the order they apply. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  { id: "0001_postgres_builtins", modes: ["postgres"], statements: POSTGRES_BUILTINS },
  { id: "0002_rookery_tables", modes: ["nile", "postgres"], statements: ROOKERY_TABLES },
  { id: "0003_postgres_row_security", modes: ["postgres"], statements: POSTGRES_ROW_SECURITY },
  {
    id: "0004_postgres_builtins_as_niledb",
    modes: ["postgres"],
    statements: POSTGRES_BUILTINS_AS_NILEDB,
  },
  {
    // Idempotent signups derive the tenant's id from the key instead: the table was never written.
    id: "0005_drop_idempotency_keys",
    modes: ["nile", "postgres"],
    statements: ["DROP TABLE IF EXISTS public.rookery_idempotency_keys"],
  },
  { id: "0006_user_subjects", modes: ["nile", "postgres"], statements: USER_SUBJECTS },
  { id: "0007_invitations", modes: ["nile", "postgres"], statements: INVITATIONS },
  {
    id: "0008_postgres_invitations_row_security",
    modes: ["postgres"],
    statements: POSTGRES_INVITATIONS_ROW_SECURITY,
  },
  { id: "0009_outbox", modes: ["nile", "postgres"], statements: OUTBOX },
  { id: "0010_operators", modes: ["nile", "postgres"], statements: OPERATORS },
];
