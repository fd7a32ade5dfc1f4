import { z } from "zod";
import { UserId } from "../ids.js";
import { TenantOwned, Timestamp } from "./common.js";

/** A user's place in their one tenant. Exactly one member of a tenant is its owner. */
export const Role = z.enum(["owner", "admin", "member"]);
export type Role = z.infer<typeof Role>;

/** A user's membership of their one tenant, with their role. */
export const Membership = TenantOwned.extend({
  userId: UserId,
  role: Role,
});
/** A user's membership of their one tenant, with their role. */
export type Membership = z.infer<typeof Membership>;

/**
 * The claim that ties a user to a tenant across the platform. It is what makes
 * "a user belongs to exactly one tenant" enforceable by a unique key, since a
 * membership row alone is only unique inside its tenant.
 */
export const TenantClaim = z.strictObject({
  userId: UserId,
  tenantId: TenantOwned.shape.tenantId,
  claimedAt: Timestamp,
});
export type TenantClaim = z.infer<typeof TenantClaim>;
