import { defineConfig } from "vitest/config";
import { JsonReportWithUnhandledErrors } from "./scripts/json-report.js";
import { projects, sourceAliases } from "./vitest.workspace.js";

export default defineConfig({
  resolve: { alias: sourceAliases },
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
