// Known bug: platform.purgeTenant deletes the tenant's own rows in one unit of
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
import { BOUNDARY_CALLS } from "../src/faults/boundary-calls.js";
import { attempt } from "../src/faults/boundary-stores.js";
import { bothAdapters } from "../src/support/both-adapters.js";

const adapters = bothAdapters();

describe("a purge that fails half-way", () => {
  it("leaves no tenant without owner, and its retry deletes the members' user rows", async () => {
    const call = BOUNDARY_CALLS.find((c) => c.name === "platform.purgeTenant");
    if (call === undefined) throw new Error("no purge call");
    for (const run of await attempt(adapters.lane(), call, 3)) {
      const { world } = run.store;
      if (run.result.isErr()) {
        expect(await run.store.violations(), `${run.store.name}: after the failed purge`).toEqual(
          [],
        );
      }
      const retried = await world.tenancy.platform.purgeTenant(world.a.tenantId);
      expect(retried.isOk(), `${run.store.name}: the retry`).toBe(true);
      const users = (await run.store.state()).users.map((u) => u.id);
      for (const id of Object.values(world.a.ids)) {
        expect(users, `${run.store.name}: the user row of a purged member`).not.toContain(id);
      }
    }
  });
});
