import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { definePolicy, type Policy, type PolicyDefinition } from "./index.js";
import { penguinPolicy } from "./testing/fixtures.js";
import {
  definitionArbitrary,
  expectedAllowed,
  holds,
  inFilter,
  type World,
  worldOf,
} from "./testing/worlds.js";

// The typed API is exercised elsewhere; here every name comes from a random world.
type LoosePolicy = {
  [K in "check" | "allows" | "explain" | "filter"]: (...args: unknown[]) => ReturnType<Policy[K]>;
} & Pick<Policy, "canAssignRole" | "definition" | "problems">;
const loose = (policy: Policy<PolicyDefinition>) => policy as unknown as LoosePolicy;

/** How many disagreements a failure lists. */
const SHOWN = 5;

/**
 * Every way the engine answers (check, the fast path, explain, filter) against
 * the naive oracle, for every actor, action and target of the world. Compared
 * first and described only on a mismatch: building a message for each of the
 * thousands of combinations made the passing property slow. The first few
 * disagreements are enough to read; fast-check then shrinks the world.
 */
function disagreements(policy: LoosePolicy, world: World): object[] {
  const { definition } = policy;
  const found: object[] = [];
  for (const actor of world.actors) {
    for (const [action, declared] of Object.entries(definition.actions)) {
      const resourceType = declared.resource ?? action.split(".")[0] ?? "";
      const filter = policy.filter(actor, action, resourceType);
      for (const target of world.targets.get(resourceType) ?? []) {
        const decision = policy.check(actor, action, target);
        const answers = {
          oracle: expectedAllowed(definition, actor, action, target),
          check: decision.allowed,
          allows: policy.allows(actor, action, target),
          explainReason: policy.explain(actor, action, target).reason,
          inFilter: inFilter(filter, actor, target),
        };
        if (
          answers.check !== answers.oracle ||
          answers.allows !== answers.check ||
          answers.explainReason !== decision.reason ||
          answers.inFilter !== answers.check
        ) {
          const where = { actor: { ...actor, workspaceIds: [...actor.workspaceIds] }, action };
          found.push({ ...where, target, reason: decision.reason, answers, filter });
          if (found.length === SHOWN) return found;
        }
      }
    }
  }
  return found;
}

function assertAgreement(policy: LoosePolicy, world: World): void {
  expect(disagreements(policy, world)).toEqual([]);
}

describe("check, fast path, explain and filter agree", () => {
  test("on random worlds under the default policy", () => {
    const policy = loose(penguinPolicy as unknown as Policy<PolicyDefinition>);
    fc.assert(
      fc.property(worldOf(penguinPolicy.definition), (world) => assertAgreement(policy, world)),
      { numRuns: 60 },
    );
  });

  test("on random worlds under random policies, and with a naive oracle", () => {
    fc.assert(
      fc.property(
        definitionArbitrary.chain((definition) =>
          worldOf(definition).map((world) => ({ definition, world })),
        ),
        ({ definition, world }) => {
          const policy = loose(definePolicy(definition));
          expect(policy.problems).toEqual([]);
          assertAgreement(policy, world);
        },
      ),
      { numRuns: 150 },
    );
  });

  test("on any input at all: no throw, and the same deny everywhere", () => {
    const policy = loose(penguinPolicy as unknown as Policy<PolicyDefinition>);
    const actions = [...Object.keys(penguinPolicy.definition.actions), "nope"];
    fc.assert(
      fc.property(
        fc.anything(),
        fc.constantFrom(...actions),
        fc.anything(),
        (actor, action, target) => {
          const decision = policy.check(actor, action, target);
          expect(policy.allows(actor, action, target)).toBe(decision.allowed);
          expect(policy.explain(actor, action, target).allowed).toBe(decision.allowed);
          expect(decision.allowed).toBe(false);
        },
      ),
    );
  });
});

describe("grants never escalate", () => {
  test("an allowed role change never gives rights the actor lacks, nor ownership", () => {
    fc.assert(
      fc.property(
        definitionArbitrary,
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (definition, actorPick, currentPick, nextPick) => {
          const policy = definePolicy(definition);
          const roles = Object.keys(definition.roles);
          const pick = (n: number) => roles[n % roles.length] as string;
          const actor = {
            userId: "a",
            tenantId: "t1",
            role: pick(actorPick),
            workspaceIds: new Set<string>(),
          };
          const current =
            currentPick % (roles.length + 1) === roles.length ? null : pick(currentPick);
          const next = pick(nextPick);
          const result = policy.canAssignRole(
            actor,
            { userId: "b", tenantId: "t1", role: current },
            next,
          );
          if (!result.allowed) return;
          expect(next).not.toBe("r0");
          expect(current).not.toBe("r0");
          expect(holds(definition, actor.role, "people.add")).toBe(true);
          for (const role of [next, current].filter((r) => r !== null)) {
            for (const action of Object.keys(definition.actions)) {
              if (holds(definition, role, action))
                expect(holds(definition, actor.role, action)).toBe(true);
            }
            if (definition.roles[role]?.workspaces === "all") {
              expect(definition.roles[actor.role]?.workspaces).toBe("all");
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
