import { type Explanation, type Filter, tenancyPolicy } from "@rookery/policy";
import { err, ok, type Result } from "neverthrow";
import { type RookeryError, RookeryErrors } from "../errors.js";
import type { WorkspaceId } from "../ids.js";
import type { Role } from "../model/membership.js";
import type { WorkspaceFilter } from "../port/tenant-unit.js";
import type { Actor } from "./actor.js";
import type { Authorizer, AuthTarget, MemberRef } from "./authorizer.js";
import type { ResourceCatalogue } from "./config.js";

/**
 * The part of a compiled `@rookery/policy` policy the services use. Any policy
 * built with `tenancyPolicy` (or `tenancyDefinition` extended and compiled
 * with `definePolicy`) fits.
 */
export interface TenancyPolicy {
  explain(actor: unknown, action: never, target: never): Explanation;
  allows(actor: unknown, action: never, target: never): boolean;
  filter(actor: unknown, action: never, resourceType: never): Filter;
  canAssignRole(actor: unknown, member: never, newRole: never): Explanation;
  canRemoveMember(actor: unknown, member: never): Explanation;
  canTransferOwnership(actor: unknown, member: never): Explanation;
}

/** The default policy over the application's resource types: the Owner / Admin / Member table. */
export function defaultTenancyPolicy(resources: ResourceCatalogue): TenancyPolicy {
  const scopes = Object.fromEntries(Object.entries(resources).map(([type, d]) => [type, d.scope]));
  return tenancyPolicy({ resources: scopes }) as unknown as TenancyPolicy;
}

/** Adapts a compiled policy to the services: decisions become Results with explained errors. */
export function policyAuthorizer(policy: TenancyPolicy): Authorizer {
  // Loose casts: the services speak in strings, the policy checks them at run time and denies what it does not know.
  const loose = <T>(value: unknown) => value as never as T;
  const member = (actor: Actor, m: MemberRef) =>
    loose<never>({ userId: m.userId, tenantId: actor.tenantId, role: m.role });
  return {
    authorize: (actor, action, target) => {
      const subject = loose<never>(policyTarget(target));
      // The fast path answers the common "yes" without building a trace.
      if (policy.allows(actor, loose(action), subject)) return ok(undefined);
      return toResult(policy.explain(actor, loose(action), subject), target);
    },
    visible: (actor, action, resourceType) =>
      toStoreFilter(policy.filter(actor, loose(action), loose(resourceType))),
    assignRole: (actor, m, role: Role) =>
      toResult(policy.canAssignRole(actor, member(actor, m), loose(role)), {
        tenantId: actor.tenantId,
      }),
    removeMember: (actor, m) =>
      toResult(policy.canRemoveMember(actor, member(actor, m)), { tenantId: actor.tenantId }),
    transferOwnership: (actor, m) =>
      toResult(policy.canTransferOwnership(actor, member(actor, m)), { tenantId: actor.tenantId }),
  };
}

function policyTarget(target: AuthTarget) {
  return target.workspaceId === undefined || target.workspaceId === null
    ? { tenantId: target.tenantId }
    : { tenantId: target.tenantId, workspaceId: target.workspaceId };
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
