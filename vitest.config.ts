import { defaultClientConditions, defaultServerConditions, type Plugin } from "vite";
import { defineConfig } from "vitest/config";
import { JsonReportWithUnhandledErrors } from "./scripts/json-report.js";
import { projects } from "./vitest.workspace.js";

/**
 * Every `@rookery/*` package lists `./src/*.ts` under this export condition
 * first, so tests import the packages' source, as the workspace's `tsc` does
 * (`customConditions` in tsconfig.base.json): no build needed, never stale.
 */
const SOURCE_CONDITION = "@rookery/source";

/**
 * Adds the condition to every Vite environment: the test files' and also
 * vitest's own, which loads `globalSetup` and takes no `resolve` option.
 */
function sourceCondition(): Plugin {
  return {
    name: "rookery:source-condition",
    configEnvironment(_name, config) {
      // Returned arrays are appended to the environment's own; without one it gets Vite's defaults.
      const defaults =
        config.consumer === "client" ? defaultClientConditions : defaultServerConditions;
      const own = config.resolve?.conditions;
      if (own?.includes(SOURCE_CONDITION)) return;
      return {
        resolve: { conditions: own ? [SOURCE_CONDITION] : [SOURCE_CONDITION, ...defaults] },
      };
    },
  };
}

export default defineConfig({
  plugins: [sourceCondition()],
  // Vitest also hands these to its workers as `--conditions`, for modules Node loads itself.
  ssr: { resolve: { conditions: [SOURCE_CONDITION] } },
  test: {
    projects,
    // People read the default report; .ci/run counts the tests from the JSON one. Written on
    // every run, not only where CI is set, so .ci/run gives the same answer on a workstation.
    reporters: [
      "default",
      new JsonReportWithUnhandledErrors({ outputFile: "reports/vitest.json" }),
    ],
    // The global setup's teardown stops a PostgreSQL server, which a busy machine may slow.
    teardownTimeout: 60_000,
  },
});
