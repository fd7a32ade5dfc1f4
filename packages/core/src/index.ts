/**
 * The tenancy services (`createTenancy`), the domain model and the errors, for
 * applications. Adapter authors import the port from `@rookery/core/adapter`.
 *
 * @packageDocumentation
 * @module @rookery/core
 */

// The public surface of @rookery/core for applications, listed by name.
// Adapter authors import the port from "@rookery/core/adapter".

export type { Clock } from "./clock.js";
export { ERROR_CODES, type ErrorCode, httpStatusOf } from "./error-codes.js";
export {
  type ConfigurationError,
  type ConflictError,
  type EntityName,
  type ForbiddenError,
  type InternalError,
  type InvariantError,
  type IsolationBreachError,
  isRookeryError,
  type LimitExceededError,
  type NoTenantContextError,
  type NotFoundError,
  type RookeryError,
  RookeryErrors,
  type SubscriptionInactiveError,
  type TenantInactiveError,
  type UnavailableError,
  type UnsupportedError,
  type ValidationError,
  type ValidationIssue,
} from "./errors.js";
export type {
  AuditEventId,
  IdGenerator,
  InvitationId,
  ResourceId,
  TenantId,
  UserId,
  WorkspaceId,
} from "./ids.js";
export type { AuditEvent } from "./model/audit.js";
export type { JsonObject, JsonValue } from "./model/common.js";
export type { Invitation, InvitationStatus, InvitedRole } from "./model/invitation.js";
export type { Membership, Role } from "./model/membership.js";
export type { Page, PageRequest } from "./model/page.js";
export type { Resource, ResourceScope } from "./model/resource.js";
export type { PlanLimits, Subscription, SubscriptionStatus } from "./model/subscription.js";
export type { Tenant, TenantStatus } from "./model/tenant.js";
export type { User } from "./model/user.js";
export type { Workspace, WorkspaceAssignment, WorkspaceStatus } from "./model/workspace.js";
export type { RookeryAdapter } from "./port/adapter.js";
export type { UnitIntent } from "./port/unit-of-work.js";
export type { AuditLogService } from "./tenancy/audit-log.js";
export type {
  InvitationConfig,
  JobConfig,
  PlanDefinition,
  ResourceCatalogue,
  ResourceTypeDefinition,
  SettingsDefinition,
  SubscriptionAccess,
  SubscriptionAccessRule,
  TenancyConfig,
} from "./tenancy/config.js";
export type { ScopeContext } from "./tenancy/context.js";
export {
  createTenancy,
  type Tenancy,
  type TenancyOptions,
} from "./tenancy/create-tenancy.js";
export type { CallerIdentity } from "./tenancy/entry.js";
export type {
  EventHandler,
  SubscribeOptions,
  SweepInput,
  SweepReport,
  TenancyEvents,
} from "./tenancy/event-delivery.js";
export type { TenancyEvent } from "./tenancy/events.js";
export type { AddMemberInput, WorkspaceListInput, WorkspaceNameInput } from "./tenancy/inputs.js";
export type {
  InvitationInbox,
  InvitationPreview,
  InviteeIdentity,
} from "./tenancy/invitation-inbox.js";
export type {
  InvitationListInput,
  InvitationsService,
  InviteInput,
  IssuedInvitation,
} from "./tenancy/invitations.js";
export type { Member, MembersService } from "./tenancy/members.js";
export type { Caller, Permissions, PermissionTarget } from "./tenancy/permissions.js";
export type { PlatformHandle, PurgeReport, TenantListQuery } from "./tenancy/platform.js";
export {
  type DefaultPolicyDefinition,
  defaultTenancyPolicy,
  type ServiceAction,
  type TenancyPolicy,
} from "./tenancy/policy-authorizer.js";
export type { ProvisionedTenant, ProvisionInput } from "./tenancy/provision.js";
export type {
  ProvisioningSweepInput,
  ProvisioningSweepReport,
} from "./tenancy/provisioning-sweep.js";
export type {
  ResourceListQuery,
  ResourcesService,
  TypedResource,
} from "./tenancy/resources.js";
export type { Scope } from "./tenancy/scope.js";
export type { ScopeIdentity } from "./tenancy/scoped.js";
export type { ScopedSql } from "./tenancy/scoped-sql.js";
export type { SettingsService } from "./tenancy/settings.js";
export type { SubscriptionService } from "./tenancy/subscription.js";
export type { TenantExport } from "./tenancy/tenant-export.js";
export type { FindUserInput, PlatformUser, RegisterUserInput } from "./tenancy/users.js";
export type { WorkspacesService } from "./tenancy/workspaces.js";
