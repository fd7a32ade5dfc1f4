import type { CompiledPolicy } from "./compile.js";
import type { Filter } from "./subjects.js";

const ALL: Filter = Object.freeze({ kind: "all" });
const NONE: Filter = Object.freeze({ kind: "none" });

const isId = (value: unknown): value is string => typeof value === "string" && value !== "";

/**
 * What an actor may see of a resource type through an action. It answers from
 * the same compiled masks as the check, so for every resource of the actor's
 * tenant, "is it in the filter?" and "does the check allow it?" agree.
 * Anything malformed, or a resource type that is not the action's, is `none`.
 */
export function filterFor(
  policy: CompiledPolicy,
  actor: unknown,
  action: unknown,
  resourceType: unknown,
): Filter {
  try {
    const compiled = policy.actions.get(action as string);
    if (compiled === undefined || compiled.resource !== resourceType) return NONE;
    const a = actor as Record<string, unknown> | null | undefined;
    if (a === null || a === undefined) return NONE;
    const role = policy.roles.get(a.role as string);
    const assigned = a.workspaceIds;
    if (role === undefined || !isId(a.userId) || !isId(a.tenantId)) return NONE;
    if (!(assigned instanceof Set)) return NONE;
    if ((compiled.direct & role.bit) !== 0) return ALL;
    if ((compiled.viaAssignment & role.bit) === 0) return NONE;
    // Sorted so that equal assignments give equal filters, whatever their insertion order.
    const workspaceIds = [...assigned].filter(isId).sort();
    return workspaceIds.length === 0 ? NONE : { kind: "workspaces", workspaceIds };
  } catch {
    return NONE;
  }
}
