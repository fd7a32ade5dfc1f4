import type {
  Membership,
  PlanLimits,
  RookeryAdapter,
  Subscription,
  Tenant,
  User,
} from "@rookery/core";
import type { TenantClaim } from "@rookery/core/adapter";
import { ok, safeTry } from "neverthrow";
import { expectOk } from "./expect-result.js";
import type { Fixtures } from "./fixtures.js";

/** Names, plan and limits of a seeded tenant; fixtures' defaults otherwise. */
export interface SeedTenantOptions {
  readonly name?: string;
  readonly ownerName?: string | null;
  readonly ownerEmail?: string;
  /** The subject the application's authentication knows the owner by; none by default. */
  readonly ownerSubject?: string;
  readonly plan?: string;
  readonly limits?: PlanLimits;
}

/** The rows `seedTenant` wrote. */
export interface SeededTenant {
  readonly tenant: Tenant;
  readonly owner: User;
  readonly claim: TenantClaim;
  readonly ownerMembership: Membership;
  readonly subscription: Subscription;
}

/**
 * Provisions a tenant through the port as the services will: the shared rows
 * (tenant, owner user, claim) in one platform unit, then the tenant's own rows
 * (owner membership, subscription) in one tenant unit, since no unit may mix
 * the two. Fails the test with a readable message when a step fails.
 */
export async function seedTenant(
  adapter: RookeryAdapter,
  f: Fixtures,
  options: SeedTenantOptions = {},
): Promise<SeededTenant> {
  const tenant = f.tenant(options.name === undefined ? {} : { name: options.name });
  const owner = f.user({
    ...(options.ownerName === undefined ? {} : { name: options.ownerName }),
    ...(options.ownerEmail === undefined ? {} : { email: options.ownerEmail }),
    ...(options.ownerSubject === undefined ? {} : { subject: options.ownerSubject }),
  });
  const claim = f.claim({ tenantId: tenant.id, userId: owner.id });
  const ownerMembership = f.membership({ tenantId: tenant.id, userId: owner.id, role: "owner" });
  const subscription = f.subscription({
    tenantId: tenant.id,
    ...(options.plan === undefined ? {} : { plan: options.plan }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  });

  const shared = await adapter.platform((unit) =>
    safeTry(async function* () {
      yield* unit.tenants.insert(tenant);
      yield* unit.users.insert(owner);
      yield* unit.claims.claim(claim);
      return ok(undefined);
    }),
  );
  expectOk(shared, "seeding the tenant's shared rows");
  const own = await adapter.tenant(tenant.id, (unit) =>
    safeTry(async function* () {
      yield* unit.memberships.insert(ownerMembership);
      yield* unit.subscription.insert(subscription);
      return ok(undefined);
    }),
  );
  expectOk(own, "seeding the tenant's owner membership and subscription");
  return { tenant, owner, claim, ownerMembership, subscription };
}
