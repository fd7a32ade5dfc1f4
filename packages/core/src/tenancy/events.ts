import type { z } from "zod";
import type { AuditEventId, InvitationId, TenantId, UserId, WorkspaceId } from "../ids.js";
import type { JsonObject } from "../model/common.js";
import type { InvitationStatus, InvitedRole } from "../model/invitation.js";
import type { Role } from "../model/membership.js";
import type { SubscriptionStatus } from "../model/subscription.js";
import type { TenantStatus } from "../model/tenant.js";
import type { WorkspaceStatus } from "../model/workspace.js";
import type { ResourceCatalogue } from "./config.js";

type Status = { readonly status: TenantStatus };

/** What each of Rookery's own changes records, as `[before, after]`. */
interface BuiltinChanges {
  "tenant.provision": [
    null,
    { readonly name: string; readonly plan: string; readonly ownerId: UserId },
  ];
  "tenant.suspend": [Status, Status];
  "tenant.reactivate": [Status, Status];
  "tenant.offboard": [Status, Status];
  "tenant.purge": [null, null];
  "member.add": [null, { readonly role: Role; readonly invitationId?: InvitationId }];
  "member.role_change": [{ readonly role: Role }, { readonly role: Role }];
  "member.remove": [{ readonly role: Role }, null];
  "ownership.transfer": [{ readonly ownerId: UserId }, { readonly ownerId: UserId }];
  "invitation.create": [
    null,
    {
      readonly email: string;
      readonly role: InvitedRole;
      readonly workspaceIds: readonly WorkspaceId[];
      readonly expiresAt: string;
    },
  ];
  "invitation.resend": [{ readonly expiresAt: string }, { readonly expiresAt: string }];
  "invitation.revoke": [
    { readonly status: InvitationStatus },
    { readonly status: InvitationStatus },
  ];
  "invitation.decline": [
    { readonly status: InvitationStatus },
    { readonly status: InvitationStatus },
  ];
  "invitation.accept": [
    { readonly status: InvitationStatus },
    { readonly status: InvitationStatus; readonly userId: UserId },
  ];
  "workspace.create": [null, { readonly name: string }];
  "workspace.rename": [{ readonly name: string }, { readonly name: string }];
  "workspace.archive": [{ readonly status: WorkspaceStatus }, { readonly status: WorkspaceStatus }];
  "workspace.unarchive": [
    { readonly status: WorkspaceStatus },
    { readonly status: WorkspaceStatus },
  ];
  "workspace.delete": [{ readonly name: string }, null];
  "workspace.assign": [null, { readonly userId: UserId }];
  "workspace.unassign": [{ readonly userId: UserId }, null];
  "subscription.change_plan": [{ readonly plan: string }, { readonly plan: string }];
  "subscription.set_status": [
    { readonly status: SubscriptionStatus },
    { readonly status: SubscriptionStatus },
  ];
  "settings.update": [JsonObject, JsonObject];
  "settings.override": [JsonObject | null, JsonObject];
}

/** One event: what every event carries, with `before` and `after` typed by its action. */
interface EventOf<Action extends string, Before, After> {
  /** The audit event's id: the same on every delivery of this event. */
  readonly id: AuditEventId;
  readonly tenantId: TenantId;
  readonly action: Action;
  /** Who acted: a user, or null when the platform did (provisioning, suspension, ...). */
  readonly actorId: UserId | null;
  /** The operator the platform acted for (`platform.operatedBy(...)`); null for none. */
  readonly operator: string | null;
  readonly target: { readonly type: string; readonly id: string };
  readonly before: Before;
  readonly after: After;
  /** When the change was made, as an ISO-8601 UTC time. */
  readonly at: string;
}

type BuiltinEvent = {
  readonly [A in keyof BuiltinChanges]: EventOf<A, BuiltinChanges[A][0], BuiltinChanges[A][1]>;
}[keyof BuiltinChanges];

/** The changes of the application's resource types: the data before and after, typed by its schema. */
type ResourceEvent<Resources extends ResourceCatalogue> = {
  readonly [T in keyof Resources & string]:
    | EventOf<`${T}.create`, null, z.output<Resources[T]["schema"]>>
    | EventOf<`${T}.update`, z.output<Resources[T]["schema"]>, z.output<Resources[T]["schema"]>>
    | EventOf<`${T}.delete`, z.output<Resources[T]["schema"]>, null>;
}[keyof Resources & string];

/**
 * A change that committed, as its audit event records it: one event for every
 * event of the audit log, with the same `id`. Delivery is at least once: a
 * subscriber drops an `id` it has already handled. Discriminate on `action`;
 * `before` and `after` are typed by it.
 */
export type TenancyEvent<Resources extends ResourceCatalogue = ResourceCatalogue> =
  | BuiltinEvent
  | ResourceEvent<Resources>;
