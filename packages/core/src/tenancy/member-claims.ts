import { err, ok, type Result, type ResultAsync, safeTry } from "neverthrow";
import type { RookeryError } from "../errors.js";
import type { TenantId, UserId } from "../ids.js";
import type { PlatformUnit } from "../port/platform-unit.js";
import { nowIso, type TenancyEnv } from "./env.js";
import { retryUnavailable } from "./retry.js";
import { writeAudit } from "./scoped.js";

/** A user claimed for a tenant, and whether this call took the claim (so that it can be undone). */
export interface Claim {
  readonly userId: UserId;
  /** False when the user was already this tenant's. */
  readonly claimedNow: boolean;
}

/** Who is joining the user to which tenant, and what to answer if another tenant holds them. */
export interface Joining {
  readonly tenantId: TenantId;
  /** The acting user, recorded by the store's session and in the audit log. */
  readonly actorId: UserId;
  /** The error for a user another tenant holds: what the caller may learn of that, and no more. */
  readonly taken: RookeryError;
}

/**
 * Inside a platform unit, claims the user for the tenant: the store's
 * guarantee that of two tenants taking the same person at once, only one
 * succeeds. `taken` when another tenant holds them.
 */
export function claimIn(
  env: TenancyEnv,
  unit: PlatformUnit,
  joining: Joining,
  userId: UserId,
): ResultAsync<Claim, RookeryError> {
  return safeTry(async function* () {
    const held = yield* unit.claims.get(userId);
    if (held !== null && held.tenantId !== joining.tenantId) return err(joining.taken);
    if (held === null) {
      const claimed = await unit.claims.claim({
        userId,
        tenantId: joining.tenantId,
        claimedAt: nowIso(env),
      });
      // Another tenant's unit claimed them since the read: it won.
      if (claimed.isErr())
        return err(claimed.error.code === "CONFLICT" ? joining.taken : claimed.error);
    }
    return ok({ userId, claimedNow: held === null });
  });
}

/**
 * Runs `write`, which makes the claimed user a member, and settles the claim
 * with its outcome. Claims and memberships live in different units, so:
 * - if `write` failed, the claim this call took is released, unless a
 *   concurrent join of the same person made them a member meanwhile;
 * - if it succeeded, the claim is taken again, because a concurrent failed
 *   join may have released it meanwhile (and if another tenant took the
 *   person in that moment, the membership is withdrawn and the join fails).
 */
export function joinWithClaim<T>(
  env: TenancyEnv,
  joining: Joining,
  claim: Claim,
  write: () => PromiseLike<Result<T, RookeryError>>,
): ResultAsync<T, RookeryError> {
  return safeTry(async function* () {
    const written = await write();
    if (written.isErr()) {
      if (claim.claimedNow) {
        const now = await env.adapter.tenant(
          joining.tenantId,
          (unit) => unit.memberships.get(claim.userId),
          { intent: "read", actorId: joining.actorId },
        );
        if (now.isOk() && now.value === null)
          await retryUnavailable(() => releaseClaim(env, joining.tenantId, claim.userId));
      }
      return err(written.error);
    }
    yield* confirmClaim(env, joining, claim.userId);
    return ok(written.value);
  });
}

/** Releases a user's claim on the tenant, if the tenant still holds it. */
function releaseClaim(
  env: TenancyEnv,
  tenantId: TenantId,
  userId: UserId,
): ResultAsync<boolean, RookeryError> {
  return env.adapter.platform((unit) => unit.claims.release(userId, tenantId));
}

/**
 * Releases a removed member's claim. The membership went in an earlier unit,
 * so the person may have been added back in between: then the claim is theirs
 * again and is re-taken (or the re-added membership withdrawn, if another
 * tenant took them meanwhile).
 */
export function releaseAfterRemoval(env: TenancyEnv, joining: Joining, userId: UserId) {
  return safeTry(async function* () {
    yield* retryUnavailable(() => releaseClaim(env, joining.tenantId, userId));
    const back = yield* retryUnavailable(() =>
      env.adapter.tenant(joining.tenantId, (unit) => unit.memberships.get(userId), {
        intent: "read",
        actorId: joining.actorId,
      }),
    );
    if (back !== null) yield* confirmClaim(env, joining, userId);
    return ok(undefined);
  });
}

/**
 * Re-takes the claim after the membership is written (idempotent when it still
 * holds). If another tenant took the person in the meantime, or their user row
 * went, the membership is withdrawn and the join fails: one tenant per user
 * wins over this call.
 */
function confirmClaim(env: TenancyEnv, joining: Joining, userId: UserId) {
  return safeTry(async function* () {
    const claim = await retryUnavailable(() =>
      env.adapter.platform((unit) =>
        unit.claims.claim({ userId, tenantId: joining.tenantId, claimedAt: nowIso(env) }),
      ),
    );
    if (claim.isOk()) return ok(undefined);
    // Still unreachable after the retries: the claim this join took most likely stands, so the
    // membership stays with it rather than being withdrawn on a guess.
    if (claim.error.code === "UNAVAILABLE") return err(claim.error);
    yield* env.adapter.tenant(
      joining.tenantId,
      (unit) =>
        unit.memberships.get(userId).andThen((membership) =>
          membership === null
            ? ok(undefined)
            : unit.memberships.remove(userId).andThen(() =>
                writeAudit(env, unit, joining.actorId, {
                  action: "member.remove",
                  target: { type: "user", id: userId },
                  before: { role: membership.role },
                }),
              ),
        ),
      { actorId: joining.actorId },
    );
    return err(claim.error.code === "CONFLICT" ? joining.taken : claim.error);
  });
}
