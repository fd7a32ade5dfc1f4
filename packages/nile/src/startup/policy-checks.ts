import { type RookeryError, RookeryErrors } from "@rookery/core";
import { POLICY_NAME } from "../schema/row-security.js";
import type { PolicyRow, TenantTableRow } from "./tenant-tables.js";

// The tenant comparison as PostgreSQL prints it back (pg_get_expr), blanks
// removed: the form rowSecurityStatements() writes, and the same without
// NULLIF. Anything else, however it is named, is not trusted to isolate.
const TENANT_EXPRESSIONS = new Set([
  "(tenant_id=(NULLIF(current_setting('nile.tenant_id'::text,true),''::text))::uuid)",
  "(tenant_id=(current_setting('nile.tenant_id'::text,true))::uuid)",
]);

const isTenantExpression = (expression: string | null) =>
  expression !== null && TENANT_EXPRESSIONS.has(expression.replace(/\s+/g, ""));

/** A permissive policy that keeps every command of every role to the context's tenant. */
const isTenantPolicy = (policy: PolicyRow) =>
  policy.command === "*" &&
  policy.public &&
  isTenantExpression(policy.using) &&
  (policy.check === null || isTenantExpression(policy.check));

/**
 * What is wrong with one tenant-aware table's row security, if anything. It
 * must be enabled and forced (FORCE binds the owner too), carry a policy that
 * compares `tenant_id` with the context, and no other permissive policy:
 * permissive policies are OR-ed, so any other one widens what is visible.
 * Restrictive policies only narrow it and are left alone.
 */
function rowSecurityProblems(table: TenantTableRow): string[] {
  const problems: string[] = [];
  if (!table.enabled || !table.forced) problems.push("row-level security not enabled and forced");
  const permissive = table.policies.filter((policy) => policy.permissive);
  if (!permissive.some(isTenantPolicy)) {
    problems.push(
      "no permissive policy for all commands and roles USING tenant_id = current_setting('nile.tenant_id', true)::uuid",
    );
  }
  for (const policy of permissive.filter((p) => !isTenantPolicy(p))) {
    problems.push(`permissive policy ${policy.name} lets more than the tenant's rows through`);
  }
  return problems;
}

/** The refusal naming every unguarded tenant-aware table, or null. */
export function checkPolicies(tables: readonly TenantTableRow[]): RookeryError | null {
  const unguarded = tables
    .map((table) => ({ table: table.name, problems: rowSecurityProblems(table) }))
    .filter(({ problems }) => problems.length > 0);
  if (unguarded.length === 0) return null;
  const list = unguarded.map(({ table, problems }) => `${table} (${problems.join("; ")})`);
  return RookeryErrors.configuration(
    `Refusing to start: tenant-aware tables are not guarded: ${list.join(", ")}. Drop the other permissive policies and apply rowSecurityStatements() (the ${POLICY_NAME} policy).`,
  );
}
