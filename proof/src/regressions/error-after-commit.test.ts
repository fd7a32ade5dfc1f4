// Regression test for a bug the campaign found, now fixed. It was: some calls commit their change, then run another unit of work, and
// answer UNAVAILABLE when that later unit fails although the change stands:
// - members.changeRole: the role changed, then reading the profile failed;
// - members.remove / leave: the person removed and freed, then the check for a
//   concurrent re-add failed;
// (Status changes had this bug too: their event now goes to the shared outbox in
// the unit that changes the status, and a failed copy into the tenant's log no
// longer fails the call; the sweep completes it.)
// A caller told "failed" retries or reports a change that did happen. Expected:
// an error means nothing changed (or the call answers Ok for what it did, and
// a status change always has its event). Found by the unit-boundary faults;
// excluded from `pnpm test` until fixed; remove the `error-after-commit` entry
// of proof/src/faults/known-bugs.ts with the fix.
import { describe, expect, it } from "vitest";
import { BOUNDARY_CALLS } from "../faults/boundary-calls.js";
import { attempt } from "../faults/boundary-stores.js";
import { bothAdapters } from "../support/both-adapters.js";

const adapters = bothAdapters();
const CASES: readonly [string, number][] = [
  ["members.changeRole", 2],
  ["members.remove", 3],
  ["members.leave", 3],
];

describe("a call that answers an error changed nothing", () => {
  for (const [name, unit] of CASES) {
    it(`${name}, unit ${unit} failing`, async () => {
      const call = BOUNDARY_CALLS.find((c) => c.name === name);
      if (call === undefined) throw new Error(`no call ${name}`);
      for (const run of await attempt(adapters.lane(), call, unit)) {
        if (run.result.isErr())
          expect(await run.store.fingerprint(), run.store.name).toBe(run.before);
      }
    });
  }
});
