import { type RookeryError, RookeryErrors } from "@rookery/core";
import { err, ok, type Result } from "neverthrow";
import type { Pool, PoolClient } from "pg";
import type { SchemaMode } from "../schema/migrations.js";
import { checkout, giveBack } from "../sql/checkout.js";
import { isConnectionFailure } from "../sql/pg-errors.js";
import { checkContextDefaults } from "./context-defaults.js";
import { checkCreateRights } from "./create-rights.js";
import { checkDateStyle } from "./date-style.js";
import { checkDerivedRelations } from "./derived-relations.js";
import { checkMigrations } from "./migration-checks.js";
import { checkOneStatementPerCall } from "./one-statement-check.js";
import { checkOwnership } from "./ownership-checks.js";
import { checkPolicies } from "./policy-checks.js";
import { checkRole } from "./role-checks.js";
import { tenantTables } from "./tenant-tables.js";

/** What a passed check found: the role units run as, and what it warns about. */
export interface VerifyReport {
  /** The database role the adapter connects as; units check they still run as it. */
  readonly role: string;
  /** Findings that do not stop the adapter, for a person to look at. */
  readonly warnings: readonly string[];
}

export interface CheckOptions {
  readonly mode: SchemaMode;
  /** Development only: owning the schema is a warning instead of a refusal. */
  readonly allowSchemaOwner: boolean;
}

/**
 * What the adapter verifies before units run, on one connection. Both modes:
 * the pool's client sends the application's SQL one statement per call,
 * the role can neither bypass row-level security nor become a role that can,
 * timestamps read in the ISO style, a connection starts with no tenant or
 * user context, and the migrations of the mode are applied. PostgreSQL mode: every
 * tenant-aware table (a `tenant_id` column) is guarded by a forced policy of
 * the expected form and no other permissive one; the role owns none and may
 * TRUNCATE none; it can neither create a function, operator or type (in any
 * schema, as itself or a role it may become) nor owns one; no view or materialized view hands it tenant rows past row security. A refusal is CONFIGURATION; a failure of the check itself is
 * UNAVAILABLE, to be retried.
 */
export async function checkDatabase(
  pool: Pool,
  options: CheckOptions,
): Promise<Result<VerifyReport, RookeryError>> {
  let lost = false;
  const checkedOut = await checkout(pool, (client) => {
    const onError = () => {
      lost = true;
    };
    client.on("error", onError);
    return onError;
  });
  if (checkedOut.isErr()) return err(unavailable(checkedOut.error));
  const { client, value: onError } = checkedOut.value;
  try {
    return await runChecks(client, options);
  } catch (cause) {
    lost ||= isConnectionFailure(cause);
    return err(unavailable(cause));
  } finally {
    client.off("error", onError);
    giveBack(client, lost);
  }
}

async function runChecks(
  client: PoolClient,
  options: CheckOptions,
): Promise<Result<VerifyReport, RookeryError>> {
  const several = await checkOneStatementPerCall(client);
  if (several !== null) return err(several);
  const role = await checkRole(client);
  if ("refusal" in role) return err(role.refusal);
  const dateStyle = await checkDateStyle(client);
  if (dateStyle !== null) return err(dateStyle);
  const context = await checkContextDefaults(client);
  if (context !== null) return err(context);
  const unmigrated = await checkMigrations(client, options.mode);
  if (unmigrated !== null) return err(unmigrated);
  // On NileDB the tenant virtualisation isolates, not row security, and
  // policies cannot be created there.
  if (options.mode === "nile") return ok({ role: role.role, warnings: [] });
  const tables = await tenantTables(client);
  const unguarded = checkPolicies(tables);
  if (unguarded !== null) return err(unguarded);
  const ownership = checkOwnership(tables, options.allowSchemaOwner);
  if (ownership.refusal !== null) return err(ownership.refusal);
  const creatable = await checkCreateRights(client, options.allowSchemaOwner);
  if (creatable.refusal !== null) return err(creatable.refusal);
  const derived = await checkDerivedRelations(client);
  if (derived.refusal !== null) return err(derived.refusal);
  return ok({
    role: role.role,
    warnings: [...ownership.warnings, ...creatable.warnings, ...derived.warnings],
  });
}

const unavailable = (cause: unknown) =>
  RookeryErrors.unavailable(
    "The start-up check could not run against the database; it will be retried.",
    cause,
  );
