// Regression test for a bug the campaign found, now fixed. It was: platform.purgeTenant deletes the tenant's own rows in one unit of
// work and its users, claims and tenant row in a second. When the second fails
// the call answers UNAVAILABLE and leaves an offboarded tenant with no owner,
// no subscription and no settings whose former members are still claimed by it
// (they cannot join another tenant). A retry then finishes the purge, but it
// reads the members from the rows already deleted, so their user rows (the
// personal data the purge promises to delete) stay for good
// (packages/core/src/tenancy/platform.ts, purgeTenant). Expected: a failed purge
// leaves the tenant whole or a retry completes all of it. Found by the
// unit-boundary faults; excluded from `pnpm test` until fixed; remove the
// `purge-half-done` entry of proof/src/faults/known-bugs.ts with the fix.
import { describe, expect, it } from "vitest";
import { BOUNDARY_CALLS } from "../faults/boundary-calls.js";
import { attempt } from "../faults/boundary-stores.js";
import { bothAdapters } from "../support/both-adapters.js";

const adapters = bothAdapters();

describe("a purge that fails half-way", () => {
  it("is finished by the call itself or by its retry, members' user rows and claims included", async () => {
    const call = BOUNDARY_CALLS.find((c) => c.name === "platform.purgeTenant");
    if (call === undefined) throw new Error("no purge call");
    for (const run of await attempt(adapters.lane(), call, 3)) {
      const { world } = run.store;
      if (run.result.isErr()) {
        const retried = await world.tenancy.platform.purgeTenant(world.a.tenantId);
        expect(retried.isOk(), `${run.store.name}: the retry`).toBe(true);
      }
      const state = await run.store.state();
      const users = state.users.map((u) => u.id);
      for (const id of Object.values(world.a.ids)) {
        expect(users, `${run.store.name}: the user row of a purged member`).not.toContain(id);
      }
      expect(await run.store.violations(), `${run.store.name}: after the purge`).toEqual([]);
    }
  });
});
