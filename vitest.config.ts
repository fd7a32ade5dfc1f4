import { defineConfig } from "vitest/config";
import { JsonReportWithUnhandledErrors } from "./scripts/json-report.js";
import { projects, sourceAliases } from "./vitest.workspace.js";

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    projects,
    // CI counts the tests from a JSON report (see .ci/run); people read the default one.
    reporters: process.env.CI
      ? ["default", new JsonReportWithUnhandledErrors({ outputFile: "reports/vitest.json" })]
      : ["default"],
    // The global setup's teardown stops a PostgreSQL server, which a busy machine may slow.
    teardownTimeout: 60_000,
  },
});
