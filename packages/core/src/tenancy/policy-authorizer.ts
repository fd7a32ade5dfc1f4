import {
  type ActionName,
  type Explanation,
  type Filter,
  type Policy,
  type PolicyDefinition,
  type ResourceVerb,
  type RoleName,
  type TenancyDefinition,
  tenancyPolicy,
  type WorkspaceTarget,
} from "@rookery/policy";
import { err, ok, type Result } from "neverthrow";
import { type RookeryError, RookeryErrors } from "../errors.js";
import type { WorkspaceId } from "../ids.js";
import { Role } from "../model/membership.js";
import type { WorkspaceFilter } from "../port/tenant-unit.js";
import type { Actor } from "./actor.js";
import type { Authorizer, AuthTarget, DefinedAction, MemberRef } from "./authorizer.js";
import type { ResourceCatalogue } from "./config.js";

/** The actions the services ask the policy about, besides each resource type's verbs. */
const SERVICE_ACTIONS = [
  "tenant.read",
  "tenant.delete",
  "billing.read",
  "billing.update",
  "tenant.transfer-ownership",
  "member.add",
  "member.change-role",
  "member.remove",
  "workspace.create",
  "workspace.read",
  "workspace.rename",
  "workspace.archive",
  "workspace.delete",
  "workspace.assign",
  "settings.read",
  "settings.update",
  "audit.read",
] as const;

const RESOURCE_VERBS: readonly ResourceVerb[] = ["create", "read", "update", "delete"];

/** Every action name the services may ask about for the application's resource types. */
export type ServiceAction<Resources extends ResourceCatalogue = ResourceCatalogue> =
  | (typeof SERVICE_ACTIONS)[number]
  | `${keyof Resources & string}.${ResourceVerb}`;

/** The actions and roles a policy lacks to decide for the services; never when it lacks none. */
type PolicyGaps<D extends PolicyDefinition, Resources extends ResourceCatalogue> =
  | Exclude<ServiceAction<Resources>, ActionName<D>>
  | Exclude<Role, RoleName<D>>;

/**
 * A compiled `@rookery/policy` policy that can decide every call of the
 * services: it declares every {@link ServiceAction} for the application's
 * resource types and the roles owner, admin and member. A policy lacking one
 * does not compile; the error names what it lacks (`lacks`).
 */
export type TenancyPolicy<
  D extends PolicyDefinition,
  Resources extends ResourceCatalogue,
> = Policy<D> &
  ([PolicyGaps<D, Resources>] extends [never]
    ? unknown
    : { readonly lacks: PolicyGaps<D, Resources> });

/** The definition of the default policy over the application's resource types. */
export type DefaultPolicyDefinition<Resources extends ResourceCatalogue> = TenancyDefinition<{
  readonly [Type in keyof Resources]: Resources[Type]["scope"];
}>;

/** The default policy over the application's resource types: the Owner / Admin / Member table. */
export function defaultTenancyPolicy<Resources extends ResourceCatalogue>(
  resources: Resources,
): Policy<DefaultPolicyDefinition<Resources>> {
  const scopes = Object.fromEntries(Object.entries(resources).map(([type, d]) => [type, d.scope]));
  return tenancyPolicy({ resources: scopes }) as unknown as Policy<
    DefaultPolicyDefinition<Resources>
  >;
}

/** Every action name the services ask about for these resource types. */
function serviceActions(resources: ResourceCatalogue): readonly string[] {
  return [
    ...SERVICE_ACTIONS,
    ...Object.keys(resources).flatMap((type) => RESOURCE_VERBS.map((verb) => `${type}.${verb}`)),
  ];
}

/**
 * What a policy lacks, read from its definition at run time: the compile-time
 * check does not reach callers in plain JavaScript or with erased types.
 */
export function policyGaps(policy: Policy, resources: ResourceCatalogue): string[] {
  const { actions, roles } = policy.definition;
  const wanted = serviceActions(resources);
  return [
    ...wanted.filter((action) => !Object.hasOwn(actions, action)),
    ...Role.options.filter((role) => !Object.hasOwn(roles, role)),
  ];
}

/**
 * The policy's own actions that the services decide with, in the order its
 * definition declares them: what `scope.permissions()` iterates, so a
 * permission summary cannot list an action the policy does not define.
 */
function definedActions(policy: Policy, resources: ResourceCatalogue): DefinedAction[] {
  const wanted = new Set(serviceActions(resources));
  const { actions, resources: scopes } = policy.definition;
  return Object.entries(actions)
    .filter(([name]) => wanted.has(name))
    .map(([name, action]) => {
      const resource = action.resource ?? name.split(".")[0] ?? "";
      return { name: name as ServiceAction, perWorkspace: scopes[resource] === "workspace" };
    });
}

/** Adapts a compiled policy to the services: decisions become Results with explained errors. */
export function policyAuthorizer(policy: Policy, resources: ResourceCatalogue): Authorizer {
  const member = (actor: Actor, m: MemberRef) => ({
    userId: m.userId,
    tenantId: actor.tenantId,
    role: m.role,
  });
  const held = (actor: Actor, m: MemberRef) => ({ ...member(actor, m), role: m.role ?? "" });
  const inTenant = (actor: Actor) => ({ tenantId: actor.tenantId });
  return {
    actions: definedActions(policy, resources),
    authorize: (actor, action, target) => {
      const subject = policyTarget(target);
      // The fast path answers the common "yes" without building a trace.
      if (policy.allows(actor, action, subject)) return withinAccess(actor, action);
      return toResult(policy.explain(actor, action, subject), target);
    },
    allows: (actor, action, target) =>
      policy.allows(actor, action, policyTarget(target)) && withinAccess(actor, action).isOk(),
    visible: (actor, action, resourceType) =>
      toStoreFilter(policy.filter(actor, action, resourceType)),
    assignRole: (actor, m, role) =>
      toResult(policy.canAssignRole(actor, member(actor, m), role), inTenant(actor)).andThen(() =>
        withinAccess(actor, m.role === null ? "member.add" : "member.change-role"),
      ),
    removeMember: (actor, m) =>
      toResult(policy.canRemoveMember(actor, held(actor, m)), inTenant(actor)),
    transferOwnership: (actor, m) =>
      toResult(policy.canTransferOwnership(actor, held(actor, m)), inTenant(actor)),
  };
}

/**
 * What a read-only tenant (a troubled subscription, by the application's
 * rule) still allows besides reading: settling the account. Leaving needs no
 * action and is always allowed.
 */
const SETTLING: ReadonlySet<string> = new Set([
  "billing.update",
  "tenant.delete",
  "tenant.transfer-ownership",
  "member.remove",
]);

/**
 * The subscription's restriction, asked after the policy allowed: a refusal
 * of the policy (and a foreign target's NOT_FOUND) comes first, so the
 * restriction tells nothing to someone who may not act anyway.
 */
function withinAccess(actor: Actor, action: string): Result<void, RookeryError> {
  if (actor.access === "full" || action.endsWith(".read") || SETTLING.has(action)) {
    return ok(undefined);
  }
  const status = actor.subscriptionStatus;
  return err(RookeryErrors.subscriptionInactive(status === "past_due" ? "past_due" : "canceled"));
}

function policyTarget(target: AuthTarget) {
  // The policy reads a workspace id only for workspace-scoped actions, and denies
  // one that lacks it as malformed: a missing id is never a grant.
  return (
    target.workspaceId === undefined || target.workspaceId === null
      ? { tenantId: target.tenantId }
      : { tenantId: target.tenantId, workspaceId: target.workspaceId }
  ) as WorkspaceTarget;
}

function toResult(decision: Explanation, target: AuthTarget): Result<void, RookeryError> {
  if (decision.allowed) return ok(undefined);
  // Another tenant's target must look exactly like a missing one.
  if (decision.reason === "tenant-mismatch")
    return err(RookeryErrors.notFound(target.entity ?? "tenant"));
  return err(RookeryErrors.forbidden(forbiddenMessage(decision), decision.lines));
}

function forbiddenMessage(decision: Explanation): string {
  const last = decision.steps.at(-1)?.detail;
  return last === undefined ? "The policy denied this action." : `Not allowed: ${last}.`;
}

function toStoreFilter(filter: Filter): WorkspaceFilter | null {
  if (filter.kind === "all") return "all";
  if (filter.kind === "none") return null;
  return filter.workspaceIds as readonly WorkspaceId[];
}
