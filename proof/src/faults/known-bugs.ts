import type { FaultAnomaly } from "./run-faulty.js";

/**
 * Fault anomalies the library knows it cannot prevent: a multi-unit change
 * (the claim on a person is shared data, the membership the tenant's, and
 * NileDB allows no unit over both) retries its idempotent steps when a
 * connection is lost, but an outage longer than those retries (a server
 * restart) can still stop it between units. Its regression test proves the
 * single lost connection handled. Any other anomaly fails the run.
 */
export interface KnownFaultBug {
  readonly id: string;
  readonly regression: string;
  matches(anomaly: FaultAnomaly): boolean;
}

const CLAIM_CALLS = ["members.add", "members.remove", "members.leave", "invitations.accept"];
const COMMITTED_THEN_FAILED = ["members.changeRole", "members.remove", "members.leave"];
const CLAIM = "proof/src/regressions/claim-left-behind.test.ts";
const AFTER_COMMIT = "proof/src/regressions/error-after-commit.test.ts";
const PURGE = "proof/src/regressions/purge-half-done.test.ts";
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

/** A single lost connection at any unit boundary is handled: no finding is expected. */
export const KNOWN_BOUNDARY_BUGS: readonly KnownBoundaryBug[] = [];
