import { z } from "zod";
import { Slug, TenantOwned, Timestamp } from "./common.js";

/**
 * Where a tenant's subscription stands; past due and canceled may restrict the tenant (see
 * `subscriptionAccess`).
 */
export const SubscriptionStatus = z.enum(["trialing", "active", "past_due", "canceled"]);
/** Where a tenant's subscription stands. */
export type SubscriptionStatus = z.infer<typeof SubscriptionStatus>;

const Count = z.number().int().min(0).max(1_000_000_000);

/** A plan's limits: seats and workspaces always, plus any the application names. */
export const PlanLimits = z.object({ seats: Count.min(1), workspaces: Count }).catchall(Count);
export type PlanLimits = z.infer<typeof PlanLimits>;

/** The one subscription of a tenant. */
export const Subscription = TenantOwned.extend({
  plan: Slug,
  status: SubscriptionStatus,
  limits: PlanLimits,
});
export type Subscription = z.infer<typeof Subscription>;

/** What an adapter's `subscription.update` may change. */
export const SubscriptionPatch = z.strictObject({
  plan: Slug.optional(),
  status: SubscriptionStatus.optional(),
  limits: PlanLimits.optional(),
  updatedAt: Timestamp,
});
/** What an adapter's `subscription.update` may change. */
export type SubscriptionPatch = z.infer<typeof SubscriptionPatch>;
