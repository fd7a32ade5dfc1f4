import { err, ok, type Result } from "neverthrow";
import { type RookeryError, RookeryErrors } from "../errors.js";
import type { TenantId, UserId, WorkspaceId } from "../ids.js";
import type { Role } from "../model/membership.js";
import type { TenantUnit } from "../port/tenant-unit.js";

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
}

/**
 * Reads the actor in `unit`. NOT_FOUND when the tenant is not (yet) visible or
 * the user is not its member; TENANT_INACTIVE when it is suspended or deleted.
 */
export async function loadActor(
  unit: TenantUnit,
  userId: UserId,
): Promise<Result<Actor, RookeryError>> {
  const tenant = await unit.tenant.get();
  if (tenant.isErr()) return err(tenant.error);
  const status = tenant.value?.status;
  if (status === undefined || status === "provisioning") {
    return err(RookeryErrors.notFound("tenant"));
  }
  if (status === "suspended" || status === "deleted") {
    return err(RookeryErrors.tenantInactive(status));
  }
  const membership = await unit.memberships.get(userId);
  if (membership.isErr()) return err(membership.error);
  if (membership.value === null) {
    return err(RookeryErrors.notFound("membership", "You are not a member of this tenant."));
  }
  const assignments = await unit.assignments.listForUser(userId);
  if (assignments.isErr()) return err(assignments.error);
  return ok({
    userId,
    tenantId: unit.tenantId,
    role: membership.value.role,
    workspaceIds: new Set(assignments.value.map((a) => a.workspaceId)),
  });
}
