import type { Anomaly } from "./run-hostile.js";

/**
 * Bugs the campaign found and the library has not fixed yet. Each has a
 * regression test under proof/known-bugs (run by `pnpm test:known-bugs`,
 * not by `pnpm test`); an anomaly one of them explains is counted apart and
 * does not fail the run, any other anomaly does. Remove the entry with the fix.
 */
export interface KnownBug {
  readonly id: string;
  readonly summary: string;
  /** The excluded regression test that reproduces it. */
  readonly regression: string;
  matches(anomaly: Anomaly): boolean;
}

const throws = (a: Anomaly) => a.kind === "throw" || a.kind === "untyped error";

export const KNOWN_BUGS: readonly KnownBug[] = [
  {
    id: "throwing-input-reads",
    summary:
      "an input whose reads throw (getter, Proxy) makes the call reject instead of VALIDATION",
    regression: "proof/known-bugs/throwing-input-reads.test.ts",
    matches: (a) =>
      throws(a) &&
      (a.valueKind === "throwing-getter" || a.label === "a proxy whose every trap throws"),
  },
  {
    id: "resource-type-names",
    summary: "scope.resources(type) with a prototype key or a non-string type throws",
    regression: "proof/known-bugs/resource-type-names.test.ts",
    matches: (a) => throws(a) && a.entry.startsWith("scope.resources(type).") && a.slot === "[0]",
  },
  {
    id: "plan-prototype-key",
    summary: 'plan "constructor" passes the catalogue lookup: a tenant without limits, or INTERNAL',
    regression: "proof/known-bugs/plan-prototype-key.test.ts",
    matches: (a) =>
      a.label === "a prototype key: constructor" &&
      ((a.entry.startsWith("platform.provisionTenant") && a.slot === '[0,"plan"]') ||
        a.entry === "subscription.changePlan"),
  },
  {
    id: "page-after-spelling",
    summary: "`after` in upper case pages differently on memory and PostgreSQL",
    regression: "proof/known-bugs/page-after-spelling.test.ts",
    matches: (a) =>
      a.kind === "disagreement" &&
      a.slot.endsWith('"after"]') &&
      a.label === "the id in upper case",
  },
  {
    id: "expected-version-range",
    summary: "expectedVersion >= 2^31 answers INTERNAL on PostgreSQL, CONFLICT in memory",
    regression: "proof/known-bugs/expected-version-range.test.ts",
    matches: (a) =>
      (a.kind === "disagreement" || a.kind === "server error") &&
      a.slot === '[2,"expectedVersion"]' &&
      a.label === "2^31",
  },
];
