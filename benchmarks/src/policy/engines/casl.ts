import { createMongoAbility, type MongoAbility, type RawRuleOf } from "@casl/ability";
import { penguinPolicy } from "../penguin-policy.js";
import { resourceOf, rolesHolding, scopeOf } from "../requests.js";
import type { BenchActor, BenchRequest, BenchTarget } from "../world.js";
import type { Engine } from "./engine.js";

type Ability = MongoAbility;
const options = { detectSubjectType: (subject: BenchTarget) => subject.__type };

const holders = new Map(
  Object.keys(penguinPolicy.definition.actions).map((action) => [action, rolesHolding(action)]),
);

/**
 * The CASL rules of one user, from the same role table, written as CASL is
 * meant to be used: one rule per subject type, listing the actions the role
 * holds on it, with the tenant (and, for members, the workspaces) as conditions.
 */
function rulesFor(actor: BenchActor): RawRuleOf<Ability>[] {
  const reach = penguinPolicy.definition.roles[actor.role].workspaces;
  const actionsBySubject = new Map<string, string[]>();
  for (const [action, roles] of holders) {
    if (!roles.has(actor.role)) continue;
    const subject = resourceOf(action);
    actionsBySubject.set(subject, [...(actionsBySubject.get(subject) ?? []), action]);
  }
  return [...actionsBySubject].map(([subject, action]) => ({
    action,
    subject,
    conditions:
      scopeOf(subject) === "workspace" && reach === "assigned"
        ? { tenantId: actor.tenantId, workspaceId: { $in: [...actor.workspaceIds] } }
        : { tenantId: actor.tenantId },
  }));
}

const abilityOf = (actor: BenchActor) =>
  createMongoAbility(rulesFor(actor), options as never) as Ability;

interface Prebuilt {
  readonly ability: Ability;
  readonly action: string;
  readonly target: BenchTarget;
}

/** CASL with every user's ability built before timing, as a long-lived cache would hold it. */
export const caslPrebuilt: Engine<Prebuilt> = {
  name: "casl-prebuilt",
  prepare: (_world, requests) => {
    // One ability per user, however many requests carry a copy of that user.
    const abilities = new Map<string, Ability>();
    return requests.map((r) => {
      let ability = abilities.get(r.actor.userId);
      if (ability === undefined) {
        ability = abilityOf(r.actor);
        abilities.set(r.actor.userId, ability);
      }
      return { ability, action: r.action, target: r.target };
    });
  },
  check: (p) => p.ability.can(p.action, p.target as never),
};

/** CASL with the ability built from the user's membership on each request, as no cache may go stale. */
export const caslPerRequest: Engine<BenchRequest> = {
  name: "casl-per-request",
  prepare: (_world, requests) => [...requests],
  check: (r) => abilityOf(r.actor).can(r.action, r.target as never),
};
