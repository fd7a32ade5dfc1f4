/**
 * A typed, compiled, explainable policy engine for multi-tenant applications:
 * define roles, resource types and actions, then check, explain and filter.
 * The Owner / Admin / Member table is `tenancyPolicy`.
 *
 * @packageDocumentation
 * @module @rookery/policy
 */

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
