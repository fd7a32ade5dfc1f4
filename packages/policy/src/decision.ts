/**
 * What a check answers. Every answer names the step that decided it, so a
 * service can map it to an error (`tenant-mismatch` to NOT_FOUND, the other
 * denials to FORBIDDEN) and a log can say why.
 */

/**
 * The steps a decision goes through. A check runs policy, tenant, input, role,
 * workspace (tenants are compared as soon as both ids can be read); a grant
 * check runs policy, tenant, input, role, owner, escalation.
 */
export type Step = "policy" | "input" | "tenant" | "role" | "workspace" | "owner" | "escalation";

/** Why a request was allowed. */
export type AllowReason = "granted" | "workspace-assigned";

/**
 * Why a request was denied.
 * - `tenant-mismatch`: the target belongs to another tenant. Callers must answer
 *   as if it did not exist (NOT_FOUND), never FORBIDDEN, or existence leaks.
 * - `malformed-input`: the actor, target, action or role was not what the types promise.
 * - `not-granted`: no role the actor holds grants the action.
 * - `workspace-not-assigned`: the role reaches only assigned workspaces, and this one is not.
 * - `owner-protected`: the change would touch ownership outside an ownership transfer.
 * - `escalation`: the actor would grant, or act on, rights it does not hold itself.
 * - `invalid-policy`: the definition has problems, so the policy denies everything.
 */
export type DenyReason =
  | "tenant-mismatch"
  | "malformed-input"
  | "not-granted"
  | "workspace-not-assigned"
  | "owner-protected"
  | "escalation"
  | "invalid-policy";

/** The answer of a check: allowed or denied, why, and by which step. */
export type Decision =
  | { readonly allowed: true; readonly reason: AllowReason; readonly step: Step }
  | { readonly allowed: false; readonly reason: DenyReason; readonly step: Step };

/** What one step of a decision found. */
export interface TraceStep {
  readonly step: Step;
  /** `passed` hands over to the next step; `allowed` and `denied` end the decision. */
  readonly outcome: "passed" | "allowed" | "denied";
  /** The finding in words, for a log. */
  readonly detail: string;
}

/** A decision with the steps that led to it, structured and as lines a person reads. */
export type Explanation = Decision & {
  readonly steps: readonly TraceStep[];
  readonly lines: readonly string[];
};

// Decisions are shared constants so that a check allocates nothing.
const decision = <D extends Decision>(value: D): D => Object.freeze(value);

export const decisions = {
  invalidPolicy: decision({ allowed: false, reason: "invalid-policy", step: "policy" }),
  malformed: decision({ allowed: false, reason: "malformed-input", step: "input" }),
  tenantMismatch: decision({ allowed: false, reason: "tenant-mismatch", step: "tenant" }),
  notGranted: decision({ allowed: false, reason: "not-granted", step: "role" }),
  notAssigned: decision({ allowed: false, reason: "workspace-not-assigned", step: "workspace" }),
  ownerProtected: decision({ allowed: false, reason: "owner-protected", step: "owner" }),
  escalation: decision({ allowed: false, reason: "escalation", step: "escalation" }),
  grantedByRole: decision({ allowed: true, reason: "granted", step: "role" }),
  grantedByAssignment: decision({ allowed: true, reason: "workspace-assigned", step: "workspace" }),
  grantedChange: decision({ allowed: true, reason: "granted", step: "escalation" }),
} as const;
