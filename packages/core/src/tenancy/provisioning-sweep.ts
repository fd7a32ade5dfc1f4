import { ok, type ResultAsync, safeTry } from "neverthrow";
import { z } from "zod";
import type { RookeryError } from "../errors.js";
import type { TenantId } from "../ids.js";
import type { Tenant } from "../model/tenant.js";
import { parseWith } from "../parse.js";
import type { TenancyEnv } from "./env.js";
import { discardTenant, publishTenant } from "./publish.js";
import { readAll } from "./tenant-export.js";

/** How old a signup still provisioning must be before the sweep finishes or removes it. */
export const ProvisioningSweepInput = z.strictObject({
  /** Only signups started at least this long ago: younger ones may still be running. */
  olderThanSeconds: z
    .number()
    .int()
    .min(60)
    .max(30 * 86_400)
    .default(3_600),
});
/** How old a signup still provisioning must be before the sweep finishes or removes it. */
export type ProvisioningSweepInput = z.input<typeof ProvisioningSweepInput>;

/** What a sweep of unfinished signups did. */
export interface ProvisioningSweepReport {
  /** Tenants whose own rows were all written: published, with their `tenant.provision` event. */
  readonly finished: readonly TenantId[];
  /** Tenants that were never filled: removed, their owners' claims released. */
  readonly removed: readonly TenantId[];
}

/**
 * Finishes or removes tenants left in `provisioning` by a signup whose
 * process died (and whose compensation never ran): a filled tenant (owner and
 * subscription written) is published, any other is removed with its claims,
 * so its owner may sign up again. User rows stay: the person exists, and may
 * belong to no tenant.
 */
export function sweepProvisioning(
  env: TenancyEnv,
  raw: unknown,
  operator: string | null,
): ResultAsync<ProvisioningSweepReport, RookeryError> {
  return safeTry(async function* () {
    const { olderThanSeconds } = yield* parseWith(ProvisioningSweepInput, raw, "sweep options");
    const cutoff = new Date(env.clock().getTime() - olderThanSeconds * 1000).toISOString();
    const stuck = (yield* readAll((page) =>
      env.adapter.platform((unit) => unit.tenants.list({ ...page, status: "provisioning" }), {
        intent: "read",
      }),
    )).filter((tenant) => tenant.createdAt <= cutoff);
    const finished: TenantId[] = [];
    const removed: TenantId[] = [];
    for (const tenant of stuck) {
      const made = yield* filledAs(env, tenant);
      if (made !== null) {
        const published = yield* publishTenant(env, tenant.id, made, operator);
        if (published.status === "active") finished.push(tenant.id);
      } else if (yield* discardTenant(env, tenant.id)) {
        removed.push(tenant.id);
      }
    }
    return ok({ finished, removed });
  });
}

/** What the tenant's provisioning wrote, if it wrote its owner and subscription; else null. */
function filledAs(env: TenancyEnv, tenant: Tenant) {
  return env.adapter.tenant(
    tenant.id,
    (unit) =>
      safeTry(async function* () {
        const owner = yield* unit.memberships.owner();
        const subscription = yield* unit.subscription.get();
        if (owner === null || subscription === null) return ok(null);
        return ok({ name: tenant.name, plan: subscription.plan, ownerId: owner.userId });
      }),
    { intent: "read" },
  );
}
