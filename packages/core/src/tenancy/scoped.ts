import { err, okAsync, type Result, type ResultAsync } from "neverthrow";
import type { RookeryError } from "../errors.js";
import type { TenantId, UserId } from "../ids.js";
import type { TenantUnit } from "../port/tenant-unit.js";
import type { UnitIntent } from "../port/unit-of-work.js";
import { type Actor, loadActor } from "./actor.js";
import type { TenancyEnv } from "./env.js";
import { type AuditInput, auditEvent } from "./outbox.js";

/** Who a scope is for: the user, and the one tenant the user belonged to when it was made. */
export interface ScopeIdentity {
  readonly userId: UserId;
  readonly tenantId: TenantId;
}

/**
 * A unit of work with its freshly read actor and an audit writer bound to
 * both. `audit` sends the event at once and answers at once; the unit waits
 * for it before it commits, and fails if it could not be written.
 */
export interface ScopedUnit {
  readonly unit: TenantUnit;
  readonly actor: Actor;
  readonly env: TenancyEnv;
  /** Records a change in the same unit of work as the change. */
  audit(event: AuditInput): ResultAsync<void, RookeryError>;
}

/**
 * Runs one scoped call: a unit of work for the scope's tenant that first
 * re-reads the actor, then runs `body`. Everything the call does, the audit
 * event included, commits or rolls back together.
 *
 * `prefetch` is a read the call needs whoever the actor turns out to be (the
 * row a `get` returns, say): it is sent together with the actor's read, so a
 * store that pipelines statements answers both in one round trip. Its result
 * reaches `body` only once the actor was read and found active; a refused
 * actor's call returns the actor's error and nothing of what was prefetched.
 */
export function runScoped<T>(
  env: TenancyEnv,
  who: ScopeIdentity,
  intent: UnitIntent,
  body: (scoped: ScopedUnit) => PromiseLike<Result<T, RookeryError>>,
): ResultAsync<T, RookeryError>;
export function runScoped<T, P>(
  env: TenancyEnv,
  who: ScopeIdentity,
  intent: UnitIntent,
  body: (scoped: ScopedUnit, prefetched: P) => PromiseLike<Result<T, RookeryError>>,
  prefetch: (unit: TenantUnit) => ResultAsync<P, RookeryError>,
): ResultAsync<T, RookeryError>;
export function runScoped<T, P>(
  env: TenancyEnv,
  who: ScopeIdentity,
  intent: UnitIntent,
  body: (scoped: ScopedUnit, prefetched: P | undefined) => PromiseLike<Result<T, RookeryError>>,
  prefetch?: (unit: TenantUnit) => ResultAsync<P, RookeryError>,
): ResultAsync<T, RookeryError> {
  return env.adapter.tenant(
    who.tenantId,
    async (unit) => {
      const actorRead = loadActor(unit, who.userId, env.accessFor);
      const early = prefetch?.(unit);
      const actor = await actorRead;
      const prefetched = await early;
      if (actor.isErr()) return err(actor.error);
      if (prefetched?.isErr()) return err(prefetched.error);
      const value = prefetched?.isOk() ? prefetched.value : undefined;
      // Audit events leave as soon as they are recorded, with the change's own statements,
      // and are waited for once the body is done: the unit fails if one could not be written.
      const audits: ResultAsync<void, RookeryError>[] = [];
      const done = await body(
        {
          unit,
          actor: actor.value,
          env,
          audit: (event) => {
            audits.push(writeAudit(env, unit, actor.value.userId, event));
            return okAsync(undefined);
          },
        },
        value,
      );
      if (done.isErr()) return done;
      for (const written of audits) {
        const audited = await written;
        if (audited.isErr()) return err(audited.error);
      }
      return done;
    },
    { intent, actorId: who.userId },
  );
}

/** Appends an audit event in `unit`; `actorId` null means the platform acted. */
export function writeAudit(
  env: TenancyEnv,
  unit: TenantUnit,
  actorId: UserId | null,
  event: AuditInput,
): ResultAsync<void, RookeryError> {
  return unit.audit.append(auditEvent(env, unit.tenantId, actorId, event)).map(() => undefined);
}
