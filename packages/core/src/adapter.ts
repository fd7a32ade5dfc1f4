/**
 * For adapter authors: the port an adapter implements, the zod schemas of the
 * rows it stores, the errors it answers with, and `guardAdapter`.
 *
 * @packageDocumentation
 * @module @rookery/core/adapter
 */

// The public surface of @rookery/core for adapter authors, listed by name:
// the port an adapter implements, the model's schemas its rows follow, the
// errors it answers with, and the guard createTenancy runs every adapter in.
// Applications import "@rookery/core".

export {
  type EntityName,
  issuesFromZod,
  type RookeryError,
  RookeryErrors,
} from "./errors.js";
export {
  AuditEventId,
  InvitationId,
  ResourceId,
  TenantId,
  UserId,
  uuidv7,
  WorkspaceId,
} from "./ids.js";
export { AuditEvent } from "./model/audit.js";
export { JsonObject, JsonValue } from "./model/common.js";
export {
  Invitation,
  InvitationPatch,
  InvitationRecord,
  InvitationStatus,
  InvitedRole,
} from "./model/invitation.js";
export { Membership, Role, TenantClaim } from "./model/membership.js";
export { type Page, type PageQuery, PageRequest } from "./model/page.js";
export { Resource, ResourceScope, ResourceUpdate } from "./model/resource.js";
export { TenantSettings, WorkspaceSettings } from "./model/settings.js";
export {
  PlanLimits,
  Subscription,
  SubscriptionPatch,
  SubscriptionStatus,
} from "./model/subscription.js";
export { Tenant, TenantPatch, TenantStatus } from "./model/tenant.js";
export { User, UserPatch } from "./model/user.js";
export {
  Workspace,
  WorkspaceAssignment,
  WorkspacePatch,
  WorkspaceStatus,
} from "./model/workspace.js";
export type { RookeryAdapter } from "./port/adapter.js";
export type {
  PlatformEventRepository,
  PlatformUnit,
  TenantClaimRepository,
  TenantRepository,
  UserLocation,
  UserLookup,
  UserRepository,
} from "./port/platform-unit.js";
export type {
  ActorRecord,
  AssignmentRepository,
  AuditRepository,
  InvitationRepository,
  MembershipRepository,
  OwnTenantReader,
  PurgeCounts,
  ResourceRepository,
  SettingsRepository,
  SubscriptionRepository,
  TenantUnit,
  WorkspaceFilter,
  WorkspaceRepository,
} from "./port/tenant-unit.js";
export type {
  PlatformUnitOptions,
  TenantUnitOptions,
  UnitIntent,
  UnitOfWorkRunner,
  Work,
} from "./port/unit-of-work.js";
export { guardAdapter } from "./runtime/guard-adapter.js";
export {
  lazyTenantUnit,
  type MakeRepository,
  type TenantDataRepositoryName,
} from "./runtime/lazy-tenant-unit.js";
