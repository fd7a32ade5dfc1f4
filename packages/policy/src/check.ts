import type { CompiledAction, CompiledPolicy } from "./compile.js";
import { type Decision, decisions, type TraceStep } from "./decision.js";

/** Records the steps of a decision when asked to explain it; `null` when only the answer is wanted. */
export type Trace = TraceStep[] | null;

type Loose = Record<string, unknown> | null | undefined;

const isId = (value: unknown): value is string => typeof value === "string" && value !== "";

/**
 * The one decision procedure behind `check` and `explain`: tenant, input, role,
 * workspace, in that order, denying at the first step that fails. Recording the
 * trace costs nothing when `trace` is null, so both answers come from the same code.
 */
export function decide(
  policy: CompiledPolicy,
  actor: unknown,
  action: unknown,
  target: unknown,
  trace: Trace,
): Decision {
  try {
    if (!policy.valid) {
      trace?.push(denied("policy", `the policy is invalid: ${policy.problems.join("; ")}`));
      return decisions.invalidPolicy;
    }
    const a = actor as Loose;
    const t = target as Loose;
    // The tenant is compared as soon as both ids can be read, before anything
    // else about the request, so a foreign target is always "tenant-mismatch".
    if (a === null || a === undefined || !isId(a.tenantId)) {
      trace?.push(denied("input", "the actor has no tenant id"));
      return decisions.malformed;
    }
    if (t === null || t === undefined || !isId(t.tenantId)) {
      trace?.push(denied("input", "the target has no tenant id"));
      return decisions.malformed;
    }
    if (a.tenantId !== t.tenantId) {
      trace?.push(
        denied(
          "tenant",
          `the target belongs to tenant ${t.tenantId}, not the actor's tenant ${a.tenantId}; ` +
            "another tenant's data must look absent (NOT_FOUND), never forbidden",
        ),
      );
      return decisions.tenantMismatch;
    }
    trace?.push(passed("tenant", `actor and target are both in tenant ${a.tenantId}`));

    const compiledAction = typeof action === "string" ? policy.actions.get(action) : undefined;
    const role = policy.roles.get(a.role as string);
    const problem = inputProblem(a, t, action, compiledAction, role !== undefined);
    if (problem !== undefined || compiledAction === undefined || role === undefined) {
      trace?.push(denied("input", problem ?? "the request could not be read"));
      return decisions.malformed;
    }
    trace?.push(passed("input", `actor ${a.userId} (${role.name}) asks to ${compiledAction.name}`));

    const source = role.grants.get(compiledAction.name);
    if ((compiledAction.direct & role.bit) !== 0) {
      trace?.push(allowed("role", grantWords(role.name, compiledAction.name, source, true)));
      return decisions.grantedByRole;
    }
    if ((compiledAction.viaAssignment & role.bit) === 0) {
      trace?.push(denied("role", `role ${role.name} is not granted ${compiledAction.name}`));
      return decisions.notGranted;
    }
    trace?.push(passed("role", grantWords(role.name, compiledAction.name, source, false)));

    if ((a.workspaceIds as ReadonlySet<string>).has(t.workspaceId as string)) {
      trace?.push(allowed("workspace", `workspace ${t.workspaceId} is assigned to the actor`));
      return decisions.grantedByAssignment;
    }
    trace?.push(denied("workspace", `workspace ${t.workspaceId} is not assigned to the actor`));
    return decisions.notAssigned;
  } catch (error) {
    trace?.push(denied("input", `reading the request failed: ${String(error)}`));
    return decisions.malformed;
  }
}

// What else the decision relies on, once the tenants are known to match.
function inputProblem(
  actor: Record<string, unknown>,
  target: Record<string, unknown>,
  action: unknown,
  compiledAction: CompiledAction | undefined,
  knownRole: boolean,
): string | undefined {
  if (!isId(actor.userId)) return "the actor has no user id";
  if (!(actor.workspaceIds instanceof Set)) return "the actor's workspace ids are not a Set";
  if (!knownRole) return `the actor's role ${JSON.stringify(actor.role)} is not in the policy`;
  if (compiledAction === undefined)
    return `the action ${JSON.stringify(action)} is not in the policy`;
  if (compiledAction.workspaceScoped && !isId(target.workspaceId)) {
    return `${compiledAction.resource} is workspace-scoped, the target has no workspace id`;
  }
  return undefined;
}

function grantWords(role: string, action: string, source: string | undefined, anywhere: boolean) {
  const via = source === undefined || source === role ? "" : ` (inherited from ${source})`;
  const where = anywhere ? "" : ", but only in workspaces assigned to the actor";
  return `role ${role} is granted ${action}${via}${where}`;
}

export const passed = (step: TraceStep["step"], detail: string): TraceStep => ({
  step,
  outcome: "passed",
  detail,
});
export const allowed = (step: TraceStep["step"], detail: string): TraceStep => ({
  step,
  outcome: "allowed",
  detail,
});
export const denied = (step: TraceStep["step"], detail: string): TraceStep => ({
  step,
  outcome: "denied",
  detail,
});
