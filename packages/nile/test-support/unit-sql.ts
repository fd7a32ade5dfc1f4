import { type RookeryError, RookeryErrors, type TenantId } from "@rookery/core";
import type { TenantUnit } from "@rookery/core/adapter";
import { err, ok, type Result, type ResultAsync } from "neverthrow";
import type { QueryResultRow } from "pg";

/**
 * The application's SQL below the services, through the port's `query`
 * member: what the adapter's own tests and benchmarks need. Applications use
 * `scope.sql`, which adds the actor and the policy's workspace filter.
 */
export interface UnitSql {
  readonly tenantId: TenantId;
  query<R extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: readonly unknown[],
  ): ResultAsync<R[], RookeryError>;
}

export function unitSql(unit: TenantUnit): Result<UnitSql, RookeryError> {
  const run = unit.query;
  if (run === undefined) return err(RookeryErrors.unsupported("This unit runs no SQL."));
  return ok({
    tenantId: unit.tenantId,
    query: <R extends QueryResultRow>(text: string, values: readonly unknown[] = []) =>
      run.call(unit, text, values).map((rows) => rows as R[]),
  });
}
