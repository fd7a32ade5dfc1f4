export type {
  AllowReason,
  Decision,
  DenyReason,
  Explanation,
  Step,
  TraceStep,
} from "./decision.js";
export { type CurrentMemberRef, definePolicy, type Policy } from "./define-policy.js";
export type {
  ActionDefinition,
  ActionName,
  ActionResource,
  ActionScope,
  CheckedDefinition,
  MembershipDefinition,
  PolicyDefinition,
  ResourceName,
  ResourceScope,
  RoleDefinition,
  RoleName,
  WorkspaceReach,
} from "./definition.js";
export type {
  Actor,
  Filter,
  MemberRef,
  TargetOf,
  TenantTarget,
  WorkspaceTarget,
} from "./subjects.js";
export {
  type AppResources,
  type ResourceVerb,
  type TenancyDefinition,
  type TenancyRole,
  tenancyDefinition,
  tenancyPolicy,
} from "./tenancy-policy.js";
