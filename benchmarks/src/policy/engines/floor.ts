import { penguinPolicy } from "../penguin-policy.js";
import { resourceOf, rolesHolding, scopeOf } from "../requests.js";
import type { BenchRequest } from "../world.js";
import type { Engine } from "./engine.js";

/** One action's grants: a bit per role holding it anywhere, and per role holding it in assigned workspaces. */
interface ActionMasks {
  readonly direct: number;
  readonly assigned: number;
}

// Written by hand for this one table: the action's role masks from one Map,
// the role's bit by comparing with the three names it knows, no validation.
const roleBits: { readonly [role: string]: number } = { owner: 1, admin: 2, member: 4 };
const actionMasks = new Map<string, ActionMasks>();
for (const action of Object.keys(penguinPolicy.definition.actions)) {
  let direct = 0;
  let assigned = 0;
  const workspaceScoped = scopeOf(resourceOf(action)) === "workspace";
  for (const role of rolesHolding(action)) {
    if (workspaceScoped && role === "member") assigned |= roleBits[role] ?? 0;
    else direct |= roleBits[role] ?? 0;
  }
  actionMasks.set(action, { direct, assigned });
}

/** The floor: a Map lookup, a bitmask test and a Set lookup. */
export const floor: Engine<BenchRequest> = {
  name: "floor",
  prepare: (_world, requests) => [...requests],
  check: (r) => {
    const { actor, target } = r;
    if (actor.tenantId !== target.tenantId) return false;
    const masks = actionMasks.get(r.action);
    if (masks === undefined) return false;
    const bit = actor.role === "owner" ? 1 : actor.role === "admin" ? 2 : 4;
    if ((masks.direct & bit) !== 0) return true;
    return (masks.assigned & bit) !== 0 && actor.workspaceIds.has(target.workspaceId as string);
  },
};
