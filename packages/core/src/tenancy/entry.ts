import { err, ok, type ResultAsync, safeTry } from "neverthrow";
import { z } from "zod";
import { type RookeryError, RookeryErrors } from "../errors.js";
import { TenantId, UserId } from "../ids.js";
import { parseField } from "../parse.js";
import type { UserLocation } from "../port/platform-unit.js";
import type { TenancyEnv } from "./env.js";
import type { ScopeIdentity } from "./scoped.js";

/**
 * Who the application says is calling, from its authentication: the user's
 * id, or the user's id with the tenant the session already carries.
 */
export type CallerIdentity = string | { readonly userId: string; readonly tenantId?: string };

const IdentityObject = z.strictObject({ userId: UserId, tenantId: TenantId.optional() });

/**
 * Turns an identity into the scope's identity. With a tenant, nothing is read:
 * every call of the scope re-reads the actor in its own unit of work, so a
 * wrong or stale tenant answers NOT_FOUND there, as a foreign id does. With a
 * user id alone, one read finds the user's tenant and its status.
 */
export function resolveIdentity(
  env: TenancyEnv,
  identity: CallerIdentity,
): ResultAsync<ScopeIdentity, RookeryError> {
  return safeTry(async function* () {
    const parsed =
      typeof identity === "string"
        ? { userId: yield* parseField(UserId, identity, "userId") }
        : yield* parseField(IdentityObject, identity, "identity");
    if (parsed.tenantId !== undefined)
      return ok({ userId: parsed.userId, tenantId: parsed.tenantId });
    const location = yield* env.adapter.platform(
      (unit) => unit.locate?.(parsed.userId) ?? locateThroughClaims(unit, parsed.userId),
      { intent: "read" },
    );
    if (location === null)
      return err(RookeryErrors.notFound("membership", "The user belongs to no tenant."));
    const status = location.tenant?.status;
    if (status === undefined || status === "provisioning")
      return err(RookeryErrors.notFound("tenant"));
    if (status === "suspended" || status === "deleted")
      return err(RookeryErrors.tenantInactive(status));
    return ok({ userId: parsed.userId, tenantId: location.claim.tenantId });
  });
}

function locateThroughClaims(
  unit: Parameters<Parameters<TenancyEnv["adapter"]["platform"]>[0]>[0],
  userId: UserId,
): ResultAsync<UserLocation | null, RookeryError> {
  return unit.claims
    .get(userId)
    .andThen((claim) =>
      claim === null
        ? ok(null)
        : unit.tenants.get(claim.tenantId).map((tenant) => ({ claim, tenant })),
    );
}
