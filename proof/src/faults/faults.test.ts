import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BY_NAME, sequence } from "../differential/sequence.js";
import { campaignSeed, PROOF } from "../support/settings.js";
import { type FaultCluster, openFaultCluster } from "./fault-cluster.js";
import { KNOWN_FAULT_BUGS } from "./known-bugs.js";
import { emptyFaultTally, type Fault, type FaultAnomaly, runFaultySequence } from "./run-faulty.js";

const seed = campaignSeed();
const tally = emptyFaultTally();
let env: FaultCluster;

beforeAll(async () => {
  env = await openFaultCluster();
}, 180_000);
afterAll(async () => {
  await env?.close();
  const known = (a: FaultAnomaly) => KNOWN_FAULT_BUGS.find((b) => b.matches(a));
  const failed = [...tally.failed].map(([code, n]) => `${code} ${n}`).join(", ");
  console.log(
    `fault sequences: ${tally.sequences}, steps: ${tally.steps}, kills: ${tally.kills} ` +
      `(${tally.backendsKilled} backends), restarts: ${tally.restarts}, ` +
      `calls a fault hit answered: ${failed || "nothing but Ok"}, ` +
      `slowest recovery: ${tally.slowestRecovery} round(s) of probes (${tally.failedProbes} probes failed), ` +
      `replays stopped at an unfinished signup: ${tally.unfinishedSignups}, ` +
      `anomalies: ${tally.anomalies.filter((a) => known(a) === undefined).length}` +
      `\nknown bugs, counted apart (regressions in proof/known-bugs): ` +
      KNOWN_FAULT_BUGS.map(
        (b) => `${b.id} ${tally.anomalies.filter((a) => known(a) === b).length}`,
      ).join(", "),
  );
});

const fault = fc.record({
  step: fc.nat(45),
  kind: fc.constantFrom<Fault["kind"]>("kill", "kill", "kill", "restart"),
  delayMs: fc.nat(6),
});

describe("faults during random sequences on PostgreSQL", () => {
  it(`${PROOF.faultSequences} sequences (seed ${seed}) with backends killed and the server restarted mid-call`, {
    timeout: 30 * 60_000,
  }, async () => {
    const runs = fc.sample(
      fc.record({ steps: sequence, faults: fc.array(fault, { minLength: 1, maxLength: 3 }) }),
      { seed, numRuns: PROOF.faultSequences },
    );
    for (const run of runs) await runFaultySequence(BY_NAME, env, run.steps, run.faults, tally);
    const unexplained = tally.anomalies.filter((a) => !KNOWN_FAULT_BUGS.some((b) => b.matches(a)));
    const report = unexplained
      .slice(0, 5)
      .map(
        (a) =>
          `${a.kind} at ${a.call}, which answered ${a.answered}:\n  ${a.detail}\n${a.transcript}`,
      )
      .join("\n\n");
    expect(report).toBe("");
  });
});
