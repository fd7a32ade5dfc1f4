import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { storeState } from "../conformance/helpers.js";
import { expectErr } from "../expect-result.js";
import { ISOLATION_OPERATIONS } from "./isolation-operations.js";
import { tenancyWorld, WORLD_ROLES, type WorldTenant } from "./penguinmails.js";
import { expectNoChange, expectOutcome } from "./support.js";

/** B's ids, which no answer to A may repeat. */
function idsOf(t: WorldTenant): string[] {
  const { ids, as: _scopes, ...rest } = t;
  return [...Object.values(ids), ...Object.values(rest)].map(String);
}

/**
 * The isolation matrix: every id-taking operation for
 * every role of A. With B's ids the answer is NOT_FOUND, never FORBIDDEN, and
 * the store is unchanged; with A's own ids it is what the role table says,
 * and B is still unchanged.
 */
export const isolationMatrixGroup = defineGroup("tenancy: isolation matrix", (test) => {
  for (const operation of ISOLATION_OPERATIONS) {
    for (const role of WORLD_ROLES) {
      const own = operation.own[role];
      test(`${operation.name} as A's ${role}: B's ids NOT_FOUND, own ids ${own}`, async ({
        adapter,
        inspect,
      }) => {
        const { a, b } = await tenancyWorld(adapter);
        const scope = a.as[role];
        const foreign = await expectNoChange(inspect, () => operation.run(scope, b, role));
        const error = expectErr(foreign, "NOT_FOUND", undefined, "with B's ids");
        for (const id of idsOf(b)) expect(error.message).not.toContain(id);

        const bBefore = await storeState(inspect, b.tenantId);
        const result =
          own === "ok"
            ? await operation.run(scope, a, role)
            : await expectNoChange(inspect, () => operation.run(scope, a, role));
        expectOutcome(result, own, "with A's own ids");
        expect(await storeState(inspect, b.tenantId)).toEqual(bBefore);
      });
    }
  }
});
