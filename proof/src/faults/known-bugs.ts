import type { FaultAnomaly } from "./run-faulty.js";

/**
 * Fault anomalies explained by bugs not fixed yet, each with its regression
 * test under proof/known-bugs (`pnpm test:known-bugs`). Any other anomaly
 * fails the run. Remove the entry with the fix.
 */
export interface KnownFaultBug {
  readonly id: string;
  readonly regression: string;
  matches(anomaly: FaultAnomaly): boolean;
}

const CLAIM_CALLS = ["members.add", "members.remove", "members.leave", "invitations.accept"];
const COMMITTED_THEN_FAILED = ["members.changeRole", "members.remove", "members.leave"];
const CLAIM = "proof/known-bugs/claim-left-behind.test.ts";
const AFTER_COMMIT = "proof/known-bugs/error-after-commit.test.ts";
const PURGE = "proof/known-bugs/purge-half-done.test.ts";
const unavailable = (answered: string) => answered.includes('"code":"UNAVAILABLE"');

export const KNOWN_FAULT_BUGS: readonly KnownFaultBug[] = [
  {
    id: "claim-left-behind",
    regression: CLAIM,
    matches: (a) =>
      a.kind === "violation" &&
      CLAIM_CALLS.includes(a.call) &&
      unavailable(a.answered) &&
      a.detail.split("; ").every((v) => v.startsWith("a claim has its membership")),
  },
  {
    id: "error-after-commit",
    regression: AFTER_COMMIT,
    matches: (a) =>
      a.kind === "partial state" &&
      COMMITTED_THEN_FAILED.includes(a.call) &&
      unavailable(a.answered),
  },
  {
    id: "purge-half-done",
    regression: PURGE,
    matches: (a) =>
      (a.kind === "violation" || a.kind === "partial state") &&
      a.call === "platform.purgeTenant" &&
      unavailable(a.answered),
  },
];

/** A unit-boundary finding: the call, the unit that failed, the store, what was wrong. */
export interface BoundaryFinding {
  readonly call: string;
  readonly unit: number;
  readonly store: string;
  readonly what: string;
}

export interface KnownBoundaryBug {
  readonly id: string;
  readonly regression: string;
  matches(finding: BoundaryFinding): boolean;
}

export const KNOWN_BOUNDARY_BUGS: readonly KnownBoundaryBug[] = [
  {
    id: "claim-left-behind",
    regression: CLAIM,
    matches: (f) =>
      ((f.call.startsWith("members.add") || f.call === "invitations.accept") && f.unit === 4) ||
      ((f.call === "members.remove" || f.call === "members.leave") && f.unit === 2),
  },
  {
    id: "error-after-commit",
    regression: AFTER_COMMIT,
    matches: (f) =>
      f.what.includes('"code":"UNAVAILABLE"') &&
      f.what.endsWith("and left a change") &&
      ((f.call === "members.changeRole" && f.unit === 2) ||
        ((f.call === "members.remove" || f.call === "members.leave") && f.unit === 3)),
  },
  {
    id: "purge-half-done",
    regression: PURGE,
    matches: (f) => f.call === "platform.purgeTenant" && f.unit === 3,
  },
];
