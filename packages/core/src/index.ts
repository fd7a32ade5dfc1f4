// The public surface of @rookery/core, listed by name.

export { type Clock, type ManualClock, manualClock, systemClock } from "./clock.js";
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
  issuesFromZod,
  type LimitExceededError,
  type NoTenantContextError,
  type NotFoundError,
  type RookeryError,
  RookeryErrors,
  type TenantInactiveError,
  type UnavailableError,
  type UnsupportedError,
  type ValidationError,
  type ValidationIssue,
} from "./errors.js";
export {
  AuditEventId,
  type IdGenerator,
  ResourceId,
  sequentialIds,
  TenantId,
  UserId,
  uuidv7,
  WorkspaceId,
} from "./ids.js";
export { AuditAction, AuditEvent } from "./model/audit.js";
export {
  DisplayName,
  Email,
  JsonObject,
  JsonValue,
  Slug,
  Timestamp,
} from "./model/common.js";
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
export { parseField, parseWith } from "./parse.js";
export type { RookeryAdapter } from "./port/adapter.js";
export type {
  PlatformUnit,
  TenantClaimRepository,
  TenantRepository,
  UserRepository,
} from "./port/platform-unit.js";
export type {
  AssignmentRepository,
  AuditRepository,
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
export type { Actor } from "./tenancy/actor.js";
export type { AuditLogService } from "./tenancy/audit-log.js";
export type { Authorizer, AuthTarget, MemberRef } from "./tenancy/authorizer.js";
export type {
  JobConfig,
  PlanDefinition,
  ResourceCatalogue,
  ResourceTypeDefinition,
  SettingsDefinition,
  TenancyConfig,
} from "./tenancy/config.js";
export type { ScopeContext } from "./tenancy/context.js";
export {
  createTenancy,
  type Tenancy,
  type TenancyOptions,
} from "./tenancy/create-tenancy.js";
export type { AddMemberInput, WorkspaceListInput, WorkspaceNameInput } from "./tenancy/inputs.js";
export type { Member, MembersService } from "./tenancy/members.js";
export type { PlatformHandle, PurgeReport, TenantListQuery } from "./tenancy/platform.js";
export {
  type DefaultPolicyDefinition,
  defaultTenancyPolicy,
  type ServiceAction,
  type TenancyPolicy,
} from "./tenancy/policy-authorizer.js";
export type { ProvisionedTenant, ProvisionInput } from "./tenancy/provision.js";
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
export type { WorkspacesService } from "./tenancy/workspaces.js";
