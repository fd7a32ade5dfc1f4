import { err, ok, type ResultAsync, safeTry } from "neverthrow";
import { z } from "zod";
import { type RookeryError, RookeryErrors } from "../errors.js";
import { TenantId, UserId } from "../ids.js";
import { Subject } from "../model/common.js";
import { parseField } from "../parse.js";
import type { TenancyEnv } from "./env.js";
import type { ScopeIdentity } from "./scoped.js";
import { locateUser } from "./users.js";

/**
 * Who the application says is calling, from its authentication: Rookery's
 * user id, or the subject the application's authentication provider gives the
 * person; either may come with the tenant the session already carries.
 */
export type CallerIdentity =
  | string
  | { readonly userId: string; readonly tenantId?: string }
  | { readonly subject: string; readonly tenantId?: string };

const IdentityObject = z.union([
  z.strictObject({ userId: UserId, tenantId: TenantId.optional() }),
  z.strictObject({ subject: Subject, tenantId: TenantId.optional() }),
]);

/**
 * Turns an identity into the scope's identity. A user id with a tenant reads
 * nothing: every call of the scope re-reads the actor in its own unit of
 * work, so a wrong or stale tenant answers NOT_FOUND there, as a foreign id
 * does. Otherwise one read finds the user (by id or subject), their tenant
 * and its status.
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
    if ("userId" in parsed && parsed.tenantId !== undefined)
      return ok({ userId: parsed.userId, tenantId: parsed.tenantId });
    const location = yield* env.adapter.platform((unit) => locateUser(unit, parsed), {
      intent: "read",
    });
    if (location === null) {
      return err(
        "subject" in parsed
          ? RookeryErrors.notFound(
              "user",
              "No user has this subject: register them with platform.registerUser first.",
            )
          : RookeryErrors.notFound("user"),
      );
    }
    const { claim, tenant } = location;
    if (claim === null)
      return err(RookeryErrors.notFound("membership", "The user belongs to no tenant."));
    // A session naming another tenant than the user's answers as a stale one does.
    if (parsed.tenantId !== undefined && parsed.tenantId !== claim.tenantId)
      return err(RookeryErrors.notFound("membership", "You are not a member of this tenant."));
    const status = tenant?.status;
    if (status === undefined || status === "provisioning")
      return err(RookeryErrors.notFound("tenant"));
    if (status === "suspended" || status === "deleted")
      return err(RookeryErrors.tenantInactive(status));
    return ok({ userId: location.user.id, tenantId: claim.tenantId });
  });
}
