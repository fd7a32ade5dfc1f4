import { err, ok, type ResultAsync, safeTry } from "neverthrow";
import { type RookeryError, RookeryErrors } from "../errors.js";
import type { TenantId, UserId } from "../ids.js";
import type { User } from "../model/user.js";
import { nowIso, type TenancyEnv } from "./env.js";

/** A user claimed for a tenant, with what the claim made so that it can be undone. */
export interface ClaimedUser {
  readonly user: Pick<User, "id"> & Partial<User>;
  /** The user row was created by this claim. */
  readonly created: boolean;
  /** The claim was taken by this call (false when the user was already this tenant's). */
  readonly claimedNow?: boolean;
}

type UserRef =
  | { readonly userId: UserId }
  | { readonly email: string; readonly name?: string | undefined };

/**
 * Finds or creates the user and claims them for the tenant, in one platform
 * unit: the claim is the store's guarantee that of two tenants adding the same
 * person at once, only one succeeds.
 */
export function claimUser(
  env: TenancyEnv,
  tenantId: TenantId,
  ref: UserRef,
): ResultAsync<ClaimedUser & { readonly user: User }, RookeryError> {
  return env.adapter.platform((unit) =>
    safeTry(async function* () {
      const at = nowIso(env);
      let user: User | null;
      let created = false;
      if ("userId" in ref) {
        user = yield* unit.users.get(ref.userId);
        if (user === null) return err(RookeryErrors.notFound("user"));
      } else {
        user = yield* unit.users.getByEmail(ref.email);
        if (user === null) {
          user = yield* unit.users.insert({
            id: env.ids() as UserId,
            email: ref.email,
            name: ref.name ?? null,
            subject: null,
            createdAt: at,
            updatedAt: at,
          });
          created = true;
        }
      }
      const held = yield* unit.claims.get(user.id);
      if (held !== null && held.tenantId !== tenantId) {
        // Says nothing of which tenant: that would leak another tenant's member list.
        return err(
          RookeryErrors.conflict("user", "This user already belongs to another organisation."),
        );
      }
      if (held === null) yield* unit.claims.claim({ userId: user.id, tenantId, claimedAt: at });
      return ok({ user, created, claimedNow: held === null });
    }),
  );
}

/** Releases a user's claim on the tenant (and the user row, if the claim created it). */
export function releaseUser(
  env: TenancyEnv,
  tenantId: TenantId,
  claimed: ClaimedUser,
): ResultAsync<void, RookeryError> {
  return env.adapter.platform((unit) =>
    safeTry(async function* () {
      if (claimed.claimedNow !== false)
        yield* unit.claims.release(claimed.user.id as UserId, tenantId);
      if (claimed.created) yield* unit.users.remove(claimed.user.id as UserId);
      return ok(undefined);
    }),
  );
}
