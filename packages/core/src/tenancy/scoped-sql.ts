import { err, type Result, type ResultAsync, safeTry } from "neverthrow";
import { type RookeryError, RookeryErrors } from "../errors.js";
import type { TenantId, UserId, WorkspaceId } from "../ids.js";
import type { Role } from "../model/membership.js";
import type { UnitIntent } from "../port/unit-of-work.js";
import type { TenancyEnv } from "./env.js";
import { runScoped, type ScopeIdentity } from "./scoped.js";

type Row = Record<string, unknown>;

/**
 * The application's own SQL inside a scope: every statement runs in the
 * scope's unit of work, in its tenant context, after the caller was re-read.
 * The handle belongs to that unit: kept past the end of `work`, it answers
 * errors and reaches no connection. What a statement may and may not do is
 * the adapter's to enforce (docs/security.md for the Nile adapter).
 */
export interface ScopedSql {
  readonly tenantId: TenantId;
  readonly userId: UserId;
  readonly role: Role;
  /**
   * The workspaces the policy lets the caller see: null for all of them
   * (owners and admins), else the assigned ones. Pass it as a `uuid[]`
   * parameter: `AND ($1::uuid[] IS NULL OR workspace_id = ANY ($1::uuid[]))`.
   */
  readonly workspaceIds: readonly WorkspaceId[] | null;
  /**
   * ONE parameterised statement (`$1`, `$2`, ...). Ending the unit's
   * transaction or changing its tenant context or role is refused, and fails
   * the unit.
   */
  query<R extends Row = Row>(
    text: string,
    values?: readonly unknown[],
  ): ResultAsync<readonly R[], RookeryError>;
  /** The same as a tagged template: every `${value}` becomes a parameter, never SQL text. */
  sql<R extends Row = Row>(
    strings: TemplateStringsArray,
    ...values: readonly unknown[]
  ): ResultAsync<readonly R[], RookeryError>;
}

export function runScopedSql<T>(
  env: TenancyEnv,
  who: ScopeIdentity,
  work: (sql: ScopedSql) => PromiseLike<Result<T, RookeryError>>,
  intent: UnitIntent,
): ResultAsync<T, RookeryError> {
  return runScoped(env, who, intent, (s) =>
    safeTry(async function* () {
      const run = s.unit.query?.bind(s.unit);
      if (run === undefined) {
        return err(RookeryErrors.unsupported(`The ${env.adapter.name} adapter does not run SQL.`));
      }
      const visible = s.env.authorizer.visible(s.actor, "workspace.read", "workspace");
      // `run` is the guarded unit's: it dies with the unit, whatever the adapter
      // does, so a statement asked for later never runs in another unit.
      const query = <R extends Row>(text: string, values: readonly unknown[] = []) =>
        run(text, values).map((rows) => rows as readonly R[]);
      return work({
        tenantId: s.actor.tenantId,
        userId: s.actor.userId,
        role: s.actor.role,
        workspaceIds: visible === "all" ? null : [...(visible ?? [])],
        query,
        sql: <R extends Row>(strings: TemplateStringsArray, ...values: readonly unknown[]) =>
          query<R>(
            strings.reduce((text, part, i) => `${text}$${i}${part}`),
            values,
          ),
      });
    }),
  );
}
