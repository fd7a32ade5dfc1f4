import { defineConfig } from "vitest/config";
import { projects, sourceAliases } from "./vitest.workspace.js";

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    projects,
    // CI counts the tests from a JSON report (see .ci/run); people read the default one.
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: "reports/vitest.json" },
  },
});
