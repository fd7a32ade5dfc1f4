import { decide } from "./check.js";
import { compile } from "./compile.js";
import type { Decision, Explanation, TraceStep } from "./decision.js";
import type {
  ActionName,
  ActionResource,
  CheckedDefinition,
  PolicyDefinition,
  RoleName,
} from "./definition.js";
import { explanation } from "./explain.js";
import { fastPath } from "./fast-path.js";
import { filterFor } from "./filter.js";
import { assignRole, removeMember, transferOwnership } from "./grants.js";
import type { Actor, Filter, MemberRef, TargetOf } from "./subjects.js";

/** A member who already holds a role, as removal and ownership transfer require. */
export type CurrentMemberRef<D extends PolicyDefinition = PolicyDefinition> = MemberRef<D> & {
  readonly role: RoleName<D>;
};

/**
 * A compiled policy. Every method is total: it returns an answer for any input,
 * and anything it cannot read is a deny (`malformed-input`), never a throw.
 */
export interface Policy<D extends PolicyDefinition = PolicyDefinition> {
  /** The definition this policy was compiled from. */
  readonly definition: D;
  /** What is wrong with the definition; when not empty, every check denies with `invalid-policy`. */
  readonly problems: readonly string[];
  /** Decides a request. Allocates nothing: decisions are shared constants. */
  check<A extends ActionName<D>>(actor: Actor<D>, action: A, target: TargetOf<D, A>): Decision;
  /** The same answer as `check(...).allowed`, for hot paths: no allocation, no reason. */
  allows<A extends ActionName<D>>(actor: Actor<D>, action: A, target: TargetOf<D, A>): boolean;
  /** The same decision as `check`, with the steps that led to it, for logs and error messages. */
  explain<A extends ActionName<D>>(actor: Actor<D>, action: A, target: TargetOf<D, A>): Explanation;
  /**
   * What the actor may reach of `resourceType` through `action`: its whole tenant,
   * some workspaces, or nothing. It agrees with `check` on every resource of the tenant.
   */
  filter<A extends ActionName<D>>(
    actor: Actor<D>,
    action: A,
    resourceType: ActionResource<D, A>,
  ): Filter;
  /** May the actor add `member` (role null) with `newRole`, or change their role to it? */
  canAssignRole(actor: Actor<D>, member: MemberRef<D>, newRole: RoleName<D>): Explanation;
  /** May the actor remove `member` from the tenant? */
  canRemoveMember(actor: Actor<D>, member: CurrentMemberRef<D>): Explanation;
  /** May the actor hand ownership of the tenant to `member`? */
  canTransferOwnership(actor: Actor<D>, member: CurrentMemberRef<D>): Explanation;
}

/**
 * Checks and compiles a policy definition, once, into a {@link Policy}.
 * Write the definition inline (or `as const`) so its names become literal types:
 * a check with a misspelt action, an unknown role, or a workspace-scoped target
 * without its workspace id then does not compile. A definition that is wrong at
 * run time does not throw: the policy lists its `problems` and denies everything.
 *
 * @example
 * const policy = definePolicy({
 *   roles: { editor: { workspaces: "assigned" } },
 *   resources: { post: "workspace" },
 *   actions: { "post.update": { roles: ["editor"] } },
 * });
 * policy.check(actor, "post.update", { tenantId, workspaceId });
 */
export function definePolicy<const D extends PolicyDefinition>(
  definition: D & CheckedDefinition<D>,
): Policy<D> {
  const compiled = compile(definition);
  return Object.freeze({
    definition,
    problems: compiled.problems,
    check: (actor: unknown, action: unknown, target: unknown) =>
      decide(compiled, actor, action, target, null),
    allows: fastPath(compiled),
    explain: (actor: unknown, action: unknown, target: unknown) => {
      const steps: TraceStep[] = [];
      return explanation(decide(compiled, actor, action, target, steps), steps);
    },
    filter: (actor: unknown, action: unknown, resourceType: unknown) =>
      filterFor(compiled, actor, action, resourceType),
    canAssignRole: (actor: unknown, member: unknown, newRole: unknown) =>
      assignRole(compiled, actor, member, newRole),
    canRemoveMember: (actor: unknown, member: unknown) => removeMember(compiled, actor, member),
    canTransferOwnership: (actor: unknown, member: unknown) =>
      transferOwnership(compiled, actor, member),
  });
}
