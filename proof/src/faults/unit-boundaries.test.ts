import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostgresLane } from "../differential/run-sequence.js";
import { type StoreState, stateDifferences } from "../oracle/state.js";
import { openLanes } from "../support/lanes.js";
import { canonical, normaliseResult } from "../support/normalise.js";
import { BOUNDARY_CALLS } from "./boundary-calls.js";
import { attempt } from "./boundary-stores.js";
import { type BoundaryFinding, KNOWN_BOUNDARY_BUGS } from "./known-bugs.js";

let opened: Awaited<ReturnType<typeof openLanes>>;
beforeAll(async () => {
  opened = await openLanes(1);
});
const found: BoundaryFinding[] = [];
let boundaries = 0;
afterAll(async () => {
  await opened?.close();
  if (process.env.PROOF_VERBOSE === "1") {
    for (const f of found) console.log(`${f.call} | unit ${f.unit} | ${f.store} | ${f.what}`);
  }
  const known = (f: (typeof found)[number]) => KNOWN_BOUNDARY_BUGS.find((b) => b.matches(f));
  console.log(
    `unit boundaries faulted: ${boundaries} (${BOUNDARY_CALLS.length} calls, both adapters), ` +
      `partial states: ${found.filter((f) => known(f) === undefined).length}` +
      `\nknown bugs, counted apart (regressions in proof/known-bugs): ` +
      KNOWN_BOUNDARY_BUGS.map((b) => `${b.id} ${found.filter((f) => known(f) === b).length}`).join(
        ", ",
      ),
  );
});

describe("a fault at every unit boundary of the calls that run several units", () => {
  for (const c of BOUNDARY_CALLS) {
    it(`${c.name}: a failed call leaves nothing, a successful one does all of it`, {
      timeout: 5 * 60_000,
    }, async () => {
      const lane = opened.lanes[0] as PostgresLane;
      const clean = await attempt(lane, c, null);
      const units = clean[0]?.units ?? 0;
      expect(new Set(clean.map((r) => r.units)).size, "units per call on each adapter").toBe(1);
      const cleanStates = await Promise.all(clean.map((r) => r.store.state()));
      const from = found.length;
      for (let unit = 1; unit <= units; unit++) {
        boundaries += 1;
        const runs = await attempt(lane, c, unit);
        const answers = runs.map((r) => canonical(normaliseResult(r.result)));
        expect(
          new Set(answers).size,
          `${c.name}, unit ${unit} failing: the adapters answer alike`,
        ).toBe(1);
        for (const [i, run] of runs.entries()) {
          const note = (what: string) =>
            found.push({ call: c.name, unit, store: run.store.name, what });
          if (run.result.isErr()) {
            if ((await run.store.fingerprint()) !== run.before) {
              note(`answered ${answers[i]?.slice(0, 200)} and left a change`);
            }
          } else {
            let differences = stateDifferences(
              cleanStates[i] as StoreState,
              await run.store.state(),
            );
            if (differences.length > 0) {
              // An event of a platform change whose copy into its tenant's log was cut off is
              // durable in the shared outbox: the documented sweep completes it, and then the
              // store must be exactly what the clean run left.
              await run.store.world.tenancy.events.sweep();
              differences = stateDifferences(cleanStates[i] as StoreState, await run.store.state());
            }
            if (differences.length > 0)
              note(`answered Ok without doing all of it: ${differences.join("; ")}`);
          }
          for (const v of await run.store.violations()) note(`the oracle: ${v}`);
        }
      }
      const unexplained = found
        .slice(from)
        .filter((f) => !KNOWN_BOUNDARY_BUGS.some((b) => b.matches(f)));
      expect(
        unexplained.map((f) => `unit ${f.unit} failing, ${f.store}: ${f.what}`).join("\n"),
      ).toBe("");
    });
  }
});
