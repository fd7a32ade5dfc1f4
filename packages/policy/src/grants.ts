import { allowed, denied, passed } from "./check.js";
import type { CompiledPolicy, CompiledRole } from "./compile.js";
import { type Decision, decisions, type Explanation, type TraceStep } from "./decision.js";
import { explanation } from "./explain.js";

type Loose = Record<string, unknown> | null | undefined;
type Change = "add" | "changeRole" | "remove" | "transferOwnership";

const isId = (value: unknown): value is string => typeof value === "string" && value !== "";

/**
 * May `actor` give `member` the role `newRole`? A `member.role` of null means
 * the user is being added. Guards, in order: same tenant; the actor holds the
 * add or change-role action; ownership is never given or taken this way; the
 * actor holds every right of both the new role and the member's current one.
 */
export function assignRole(
  policy: CompiledPolicy,
  actor: unknown,
  member: unknown,
  newRole: unknown,
): Explanation {
  return guarded((steps) => {
    const m = member as Loose;
    const change: Change = m?.role === null ? "add" : "changeRole";
    const prelude = commonGuards(policy, actor, member, change, steps);
    if (!("role" in prelude)) return prelude;
    const target = policy.roles.get(newRole as string);
    if (target === undefined) {
      steps.push(denied("input", `the new role ${JSON.stringify(newRole)} is not in the policy`));
      return decisions.malformed;
    }
    const owner = policy.membership?.owner;
    if (target.name === owner) {
      steps.push(denied("owner", `${owner} is given only by transferring ownership`));
      return decisions.ownerProtected;
    }
    if (prelude.current?.name === owner) {
      steps.push(denied("owner", `the ${owner}'s role changes only by transferring ownership`));
      return decisions.ownerProtected;
    }
    steps.push(passed("owner", "ownership is not touched"));
    return escalationGuard(prelude.role, [target, prelude.current], steps);
  });
}

/** May `actor` remove `member` from the tenant? Never the owner; never someone holding rights the actor lacks. */
export function removeMember(policy: CompiledPolicy, actor: unknown, member: unknown): Explanation {
  return guarded((steps) => {
    const prelude = commonGuards(policy, actor, member, "remove", steps);
    if (!("role" in prelude)) return prelude;
    const owner = policy.membership?.owner;
    if (prelude.current === undefined) {
      steps.push(denied("input", "the member to remove has no role: not a member"));
      return decisions.malformed;
    }
    if (prelude.current.name === owner) {
      steps.push(denied("owner", `the ${owner} cannot be removed; transfer ownership first`));
      return decisions.ownerProtected;
    }
    steps.push(passed("owner", `the member is not the ${owner}`));
    return escalationGuard(prelude.role, [prelude.current], steps);
  });
}

/** May `actor` hand ownership to `member`? Only the owner, to another member of the same tenant. */
export function transferOwnership(
  policy: CompiledPolicy,
  actor: unknown,
  member: unknown,
): Explanation {
  return guarded((steps) => {
    const prelude = commonGuards(policy, actor, member, "transferOwnership", steps);
    if (!("role" in prelude)) return prelude;
    const owner = policy.membership?.owner;
    if (prelude.current === undefined) {
      steps.push(denied("input", "ownership can go only to a current member"));
      return decisions.malformed;
    }
    if ((actor as { userId: string }).userId === (member as { userId: string }).userId) {
      steps.push(denied("input", "the owner cannot transfer ownership to themselves"));
      return decisions.malformed;
    }
    if (prelude.role.name !== owner) {
      steps.push(denied("owner", `only the ${owner} transfers ownership`));
      return decisions.ownerProtected;
    }
    steps.push(allowed("owner", `the ${owner} hands ownership to a member of the same tenant`));
    return decisions.grantedChange;
  });
}

function guarded(run: (steps: TraceStep[]) => Decision): Explanation {
  const steps: TraceStep[] = [];
  try {
    return explanation(run(steps), steps);
  } catch (error) {
    steps.push(denied("input", `reading the request failed: ${String(error)}`));
    return explanation(decisions.malformed, steps);
  }
}

interface Prelude {
  readonly role: CompiledRole;
  readonly current: CompiledRole | undefined;
}

// Policy, input, tenant and role steps, shared by every change of membership.
function commonGuards(
  policy: CompiledPolicy,
  actor: unknown,
  member: unknown,
  change: Change,
  steps: TraceStep[],
): Prelude | Decision {
  if (!policy.valid) {
    steps.push(denied("policy", `the policy is invalid: ${policy.problems.join("; ")}`));
    return decisions.invalidPolicy;
  }
  const a = actor as Loose;
  const m = member as Loose;
  // As in a check, tenants are compared first, so a foreign member reads as absent.
  if (a === null || a === undefined || !isId(a.tenantId)) {
    steps.push(denied("input", "the actor has no tenant id"));
    return decisions.malformed;
  }
  if (m === null || m === undefined || !isId(m.tenantId)) {
    steps.push(denied("input", "the member has no tenant id"));
    return decisions.malformed;
  }
  if (a.tenantId !== m.tenantId) {
    steps.push(
      denied("tenant", `the member is in tenant ${m.tenantId}, not the actor's ${a.tenantId}`),
    );
    return decisions.tenantMismatch;
  }
  steps.push(passed("tenant", `actor and member are both in tenant ${a.tenantId}`));
  const role = policy.roles.get(a.role as string);
  const current = m.role === null ? undefined : policy.roles.get(m.role as string);
  const problem =
    !isId(a.userId) || !(a.workspaceIds instanceof Set)
      ? "the actor needs a user id and a Set of workspace ids"
      : role === undefined
        ? `the actor's role ${JSON.stringify(a.role)} is not in the policy`
        : !isId(m.userId)
          ? "the member needs a user id"
          : m.role !== null && current === undefined
            ? `the member's role ${JSON.stringify(m.role)} is not in the policy`
            : undefined;
  if (problem !== undefined || role === undefined) {
    steps.push(denied("input", problem ?? "the request could not be read"));
    return decisions.malformed;
  }
  steps.push(passed("input", `actor ${a.userId} (${role.name}) acts on member ${m.userId}`));
  const action = policy.membership?.[change];
  if (action === undefined) {
    steps.push(denied("role", "the policy declares no membership actions"));
    return decisions.notGranted;
  }
  if (!role.grants.has(action)) {
    steps.push(denied("role", `role ${role.name} is not granted ${action}`));
    return decisions.notGranted;
  }
  steps.push(passed("role", `role ${role.name} is granted ${action}`));
  return { role, current };
}

function escalationGuard(
  actorRole: CompiledRole,
  roles: readonly (CompiledRole | undefined)[],
  steps: TraceStep[],
): Decision {
  for (const role of roles) {
    if (role !== undefined && (actorRole.covers & role.bit) === 0) {
      steps.push(
        denied("escalation", `role ${role.name} holds rights that role ${actorRole.name} does not`),
      );
      return decisions.escalation;
    }
  }
  steps.push(allowed("escalation", `role ${actorRole.name} holds every right involved`));
  return decisions.grantedChange;
}
