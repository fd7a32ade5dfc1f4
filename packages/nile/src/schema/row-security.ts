import { type RookeryError, RookeryErrors } from "@rookery/core";
import { err, ok, type Result } from "neverthrow";
import { FIRST_TENANT_AWARE_TABLES, qualified } from "./rookery-tables.js";

const IDENTIFIER = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

/** The policy every tenant-aware table carries in PostgreSQL mode. */
export const POLICY_NAME = "rookery_tenant_isolation";

// nullif: once a session has used the setting, "unset" reads back as '' (not
// NULL), and ''::uuid would fail; NULL makes the comparison false: no rows.
const CURRENT_TENANT = `nullif(current_setting('nile.tenant_id', true), '')::uuid`;

/**
 * PostgreSQL mode: the statements that make `table` fail closed. FORCE makes
 * the policy bind the table's owner too, which is the application role.
 * Use it for the application's own tenant-aware tables as well.
 */
export function rowSecurityStatements(table: string): Result<readonly string[], RookeryError> {
  if (!IDENTIFIER.test(table)) {
    return err(
      RookeryErrors.validation([{ path: "table", message: "must be a plain (schema.)table name" }]),
    );
  }
  return ok(policyStatements(table));
}

function policyStatements(table: string): readonly string[] {
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    `DROP POLICY IF EXISTS ${POLICY_NAME} ON ${table}`,
    `CREATE POLICY ${POLICY_NAME} ON ${table}
       USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`,
  ];
}

export const POSTGRES_ROW_SECURITY: readonly string[] =
  FIRST_TENANT_AWARE_TABLES.map(qualified).flatMap(policyStatements);

/** Row security of the invitations table, added with it. */
export const POSTGRES_INVITATIONS_ROW_SECURITY: readonly string[] = policyStatements(
  qualified("rookery_invitations"),
);
