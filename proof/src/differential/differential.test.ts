import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLanes } from "../support/lanes.js";
import { campaignSeed, PROOF } from "../support/settings.js";
import { emptyTally, type PostgresLane, runSequence, type Tally } from "./run-sequence.js";
import { BY_NAME, sequence } from "./sequence.js";

const seed = campaignSeed();

let opened: Awaited<ReturnType<typeof openLanes>>;
beforeAll(async () => {
  opened = await openLanes(PROOF.lanes);
});
afterAll(() => opened?.close());

/** Sequences of one lane: its own fast-check run, seeded `seed + lane`, shrunk on failure. */
function runLane(lane: PostgresLane, index: number, runs: number, tally: Tally) {
  return fc.check(
    fc.asyncProperty(sequence, (steps) => runSequence(BY_NAME, lane, steps, tally)),
    { seed: seed + index, numRuns: runs, includeErrorInReport: true },
  );
}

describe("differential: memory and PostgreSQL answer alike", () => {
  const timeout = 15 * 60_000 + PROOF.sequences * 1_500;
  it(`${PROOF.sequences} random sequences of public calls, with the oracle after every step`, {
    timeout,
  }, async () => {
    console.log(`differential seed: ${seed} (replay: PROOF_SEED=${seed})`);
    const lanes = opened.lanes;
    const share = (i: number) =>
      Math.floor(PROOF.sequences / lanes.length) + (i < PROOF.sequences % lanes.length ? 1 : 0);
    const tallies = lanes.map(() => emptyTally());
    const details = await Promise.all(
      lanes.map((lane, i) => runLane(lane, i, share(i), tallies[i] as Tally)),
    );
    const sum = (key: "steps" | "throws" | "violations" | "rowsChecked") =>
      tallies.reduce((n, t) => n + t[key], 0);
    // Runs before the first failure; the runs fast-check makes to shrink it are not counted.
    const sequences = details.reduce((n, d) => n + d.numRuns, 0);
    const failed = details.filter((d) => d.failed);
    const ok = [...tallies.flatMap((t) => [...t.outcomes])].filter(([k]) => k.endsWith(" ok"));
    const okCalls = ok.reduce((n, [, v]) => n + v, 0);
    console.log(
      `differential sequences: ${sequences}, mismatches: ${failed.length}\n` +
        `differential steps: ${sum("steps")} (${okCalls} answered Ok), throws: ${sum("throws")}\n` +
        `isolation oracle: steps checked: ${sum("steps")}, rows checked: ${sum("rowsChecked")}, violations: ${sum("violations")}`,
    );
    if (process.env.PROOF_VERBOSE === "1") console.log(outcomeTable(tallies));
    const reports = failed.map((d) => fc.defaultReportMessage(d) ?? "");
    expect(reports.join("\n\n")).toBe("");
  });
});

/** How often each command answered Ok and each error code: what the sequences exercised. */
function outcomeTable(tallies: readonly Tally[]): string {
  const merged = new Map<string, number>();
  for (const t of tallies) for (const [k, v] of t.outcomes) merged.set(k, (merged.get(k) ?? 0) + v);
  return [...merged]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
}
