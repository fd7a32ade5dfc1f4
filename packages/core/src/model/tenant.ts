import { z } from "zod";
import { TenantId } from "../ids.js";
import { DisplayName, Stamped, Timestamp } from "./common.js";

/**
 * `provisioning` while the tenant is being set up: such a tenant is invisible
 * to its users and to listings until its owner and subscription exist.
 */
export const TenantStatus = z.enum(["provisioning", "active", "suspended", "deleted"]);
export type TenantStatus = z.infer<typeof TenantStatus>;

/** A company: one paying customer, the unit of isolation. */
export const Tenant = Stamped.extend({
  id: TenantId,
  name: DisplayName,
  status: TenantStatus,
  /** Set when the tenant was offboarded; its data is purged after the app's retention. */
  deletedAt: Timestamp.nullable(),
});
export type Tenant = z.infer<typeof Tenant>;

/** What may change on a tenant row. */
export const TenantPatch = z.strictObject({
  name: DisplayName.optional(),
  status: TenantStatus.optional(),
  deletedAt: Timestamp.nullable().optional(),
  updatedAt: Timestamp,
});
export type TenantPatch = z.infer<typeof TenantPatch>;
