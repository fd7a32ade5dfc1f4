import { guardAdapter } from "@rookery/core/adapter";
import { afterEach, beforeEach, describe, it } from "vitest";
import { atomicityGroup } from "./conformance/atomicity.js";
import { auditGroup } from "./conformance/audit.js";
import { concurrencyGroup } from "./conformance/concurrency.js";
import type { ConformanceContext, ConformanceGroup } from "./conformance/group.js";
import { invitationsGroup } from "./conformance/invitations.js";
import { isolationGroup } from "./conformance/isolation.js";
import { lifetimeGroup } from "./conformance/lifetime.js";
import { outboxGroup } from "./conformance/outbox.js";
import { resourcesGroup } from "./conformance/resources.js";
import { settingsGroup } from "./conformance/settings.js";
import { subscriptionGroup } from "./conformance/subscription.js";
import { tenantsGroup } from "./conformance/tenants.js";
import { usersAndMembershipGroup } from "./conformance/users-and-membership.js";
import { workspacesAndAssignmentsGroup } from "./conformance/workspaces-and-assignments.js";
import { fixtures } from "./fixtures.js";
import type { ConformanceHarness, ConformanceOptions } from "./harness.js";
import { TENANCY_GROUPS } from "./tenancy/groups.js";

const GROUPS: readonly ConformanceGroup[] = [
  tenantsGroup,
  usersAndMembershipGroup,
  workspacesAndAssignmentsGroup,
  subscriptionGroup,
  settingsGroup,
  resourcesGroup,
  invitationsGroup,
  auditGroup,
  outboxGroup,
  isolationGroup,
  atomicityGroup,
  lifetimeGroup,
  concurrencyGroup,
  // The services over the port: every adapter proves the tenancy scenarios too.
  ...TENANCY_GROUPS,
];

/**
 * Registers the adapter conformance suite with vitest: `${name} conformance`,
 * one `describe` per group, every test on a fresh store from `createHarness`.
 * Call it at the top level of a test file.
 */
export function runAdapterConformance(options: ConformanceOptions): void {
  const optOut = options.optOut ?? {};
  const registered = new Set<string>();

  describe(`${options.name} conformance`, () => {
    for (const group of GROUPS) {
      describe(group.name, () => {
        let harness: ConformanceHarness | undefined;
        let context: ConformanceContext | undefined;

        beforeEach(async () => {
          harness = await options.createHarness();
          // The adapter is proved as createTenancy runs it: inside core's guard.
          context = {
            adapter: guardAdapter(harness.adapter),
            inspect: harness.inspect,
            f: fixtures(),
          };
        });
        afterEach(async () => {
          const done = harness;
          harness = undefined;
          context = undefined;
          await done?.cleanup?.();
        });

        group.register((title, body) => {
          const fullTitle = `${group.name} > ${title}`;
          if (registered.has(fullTitle))
            throw new Error(`Duplicate conformance test: ${fullTitle}`);
          registered.add(fullTitle);
          const reason = optOut[fullTitle];
          if (reason !== undefined) {
            it.skip(`${title} (opted out: ${reason})`, () => {});
            return;
          }
          it(title, async () => {
            if (context === undefined) throw new Error("The conformance harness was not set up.");
            await body(context);
          });
        });
      });
    }

    // A misspelt opt-out would otherwise silently run the test it meant to skip.
    it("every opt-out names a test of the suite", () => {
      const unknown = Object.keys(optOut).filter((title) => !registered.has(title));
      if (unknown.length > 0) {
        throw new Error(`Opt-outs naming no conformance test: ${unknown.join(", ")}`);
      }
    });
  });
}
