import { err, ok, type Result } from "neverthrow";
import { type RookeryError, RookeryErrors } from "../errors.js";
import type { TenantId, UserId, WorkspaceId } from "../ids.js";
import type { Role } from "../model/membership.js";
import type { SubscriptionStatus } from "../model/subscription.js";
import type { ActorRecord, TenantUnit } from "../port/tenant-unit.js";
import type { SubscriptionAccess } from "./config.js";

/**
 * Who is acting, read fresh from the store inside the unit of work that the
 * call runs in: a removed member or a changed role is in force on the very
 * next call, because nothing about the actor is ever cached.
 */
export interface Actor {
  readonly userId: UserId;
  readonly tenantId: TenantId;
  readonly role: Role;
  /** The workspaces the actor is assigned to (owners and admins see all regardless). */
  readonly workspaceIds: ReadonlySet<WorkspaceId>;
  /** The tenant's subscription status, and what it leaves the tenant's users by the application's rule. */
  readonly subscriptionStatus: SubscriptionStatus | null;
  readonly access: SubscriptionAccess;
}

/**
 * Reads the actor in `unit`: in one read where the adapter offers it, else in
 * three. NOT_FOUND when the tenant is not (yet) visible or the user is not
 * its member; TENANT_INACTIVE when it is suspended or deleted.
 */
export async function loadActor(
  unit: TenantUnit,
  userId: UserId,
  accessFor: (status: SubscriptionStatus | null) => SubscriptionAccess,
): Promise<Result<Actor, RookeryError>> {
  const record = await (unit.actor?.(userId) ?? readActor(unit, userId));
  if (record.isErr()) return err(record.error);
  const { tenant, role, workspaceIds, subscriptionStatus } = record.value;
  const status = tenant?.status;
  if (status === undefined || status === "provisioning") {
    return err(RookeryErrors.notFound("tenant"));
  }
  if (status === "suspended" || status === "deleted") {
    return err(RookeryErrors.tenantInactive(status));
  }
  if (role === null) {
    return err(RookeryErrors.notFound("membership", "You are not a member of this tenant."));
  }
  return ok({
    userId,
    tenantId: unit.tenantId,
    role,
    workspaceIds: new Set(workspaceIds),
    subscriptionStatus,
    access: accessFor(subscriptionStatus),
  });
}

/** The actor through the port's required members, reading no further than the answer needs. */
async function readActor(
  unit: TenantUnit,
  userId: UserId,
): Promise<Result<ActorRecord, RookeryError>> {
  const tenant = await unit.tenant.get();
  if (tenant.isErr()) return err(tenant.error);
  const none = { tenant: tenant.value, role: null, workspaceIds: [], subscriptionStatus: null };
  if (tenant.value?.status !== "active") return ok(none);
  const membership = await unit.memberships.get(userId);
  if (membership.isErr()) return err(membership.error);
  if (membership.value === null) return ok(none);
  const assignments = await unit.assignments.listForUser(userId);
  if (assignments.isErr()) return err(assignments.error);
  const subscription = await unit.subscription.get();
  if (subscription.isErr()) return err(subscription.error);
  return ok({
    tenant: tenant.value,
    role: membership.value.role,
    workspaceIds: assignments.value.map((a) => a.workspaceId),
    subscriptionStatus: subscription.value?.status ?? null,
  });
}
