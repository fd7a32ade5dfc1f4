import type { Permissions } from "@rookery/core";
import type { Explanation } from "@rookery/policy";
import type { resources } from "./penguinmails.js";
import { policy } from "./tenancy.js";

/** An action the caller may not take, with the policy's own explanation. */
interface Denial {
  readonly action: string;
  /** Why, in the policy's words: the step that denied it. */
  readonly detail: string;
  /** The whole decision, step by step: what a FORBIDDEN problem's `trace` carries. */
  readonly trace: readonly string[];
}

export interface Denials {
  readonly tenant: readonly Denial[];
  readonly workspaces: Readonly<Record<string, readonly Denial[]>>;
}

/**
 * What `scope.permissions()` left out, explained by the policy that decided
 * it: the same compiled policy the tenancy decides every call with, asked
 * about the same caller. The lists are the policy's own actions, so there is
 * no second table of rules here either.
 */
export function denialsOf(permissions: Permissions<typeof resources>): Denials {
  // Read as plain records: an action names its resource, or takes it from its prefix.
  const actions = policy.definition.actions as Readonly<
    Record<string, { readonly resource?: string }>
  >;
  const scopes: Readonly<Record<string, string>> = policy.definition.resources;
  const actor = {
    userId: permissions.userId,
    tenantId: permissions.tenantId,
    role: permissions.role,
    workspaceIds: new Set<string>(permissions.workspaceIds),
  };
  const names = Object.keys(actions);
  const perWorkspace = (name: string) =>
    scopes[actions[name]?.resource ?? name.split(".")[0] ?? ""] === "workspace";
  const explain = (action: string, target: { tenantId: string; workspaceId?: string }) =>
    // The target's shape is the action's: a workspace exactly for workspace-scoped actions.
    policy.explain(actor, action as never, target as never);
  const denied = (action: string, decision: Explanation): Denial[] =>
    decision.allowed
      ? []
      : [{ action, detail: decision.steps.at(-1)?.detail ?? "", trace: decision.lines }];

  const allowedOnTenant = new Set<string>(permissions.tenant);
  const tenant = names
    .filter((name) => !perWorkspace(name) && !allowedOnTenant.has(name))
    .flatMap((name) => denied(name, explain(name, { tenantId: actor.tenantId })));
  const workspaces = Object.fromEntries(
    Object.entries(permissions.workspaces).map(([workspaceId, allowed]) => {
      const here = new Set<string>(allowed);
      const refused = names
        .filter((name) => perWorkspace(name) && !here.has(name))
        .flatMap((name) => denied(name, explain(name, { tenantId: actor.tenantId, workspaceId })));
      return [workspaceId, refused];
    }),
  );
  return { tenant, workspaces };
}
