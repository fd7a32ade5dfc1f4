export type {
  AllowReason,
  Decision,
  DenyReason,
  Explanation,
  Step,
  TraceStep,
} from "./decision.js";
export { type CurrentMember, definePolicy, type Policy } from "./define-policy.js";
export type {
  ActionDefinition,
  ActionName,
  ActionResource,
  ActionScope,
  CheckedDefinition,
  MembershipDefinition,
  PolicyDefinition,
  ResourceName,
  RoleDefinition,
  RoleName,
  Scope,
  WorkspaceReach,
} from "./definition.js";
export type {
  Actor,
  Filter,
  Member,
  TargetOf,
  TenantTarget,
  WorkspaceTarget,
} from "./subjects.js";
export {
  type AppResources,
  type DefaultPolicyDefinition,
  defaultPolicy,
  type ResourceVerb,
  type TenancyDefinition,
  type TenancyRole,
  tenancyDefinition,
  tenancyPolicy,
} from "./tenancy-policy.js";
