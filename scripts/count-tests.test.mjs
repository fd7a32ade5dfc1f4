import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { countLine, countTests } from "./count-tests.mjs";

const run = promisify(execFile);
const here = import.meta.dirname;

// Reports trimmed to what the counter reads, with the numbers vitest 4.1 wrote for each case.
const samples = {
  "every test passes (one skipped, one todo)": {
    report: {
      success: true,
      numFailedTestSuites: 0,
      numPassedTests: 2,
      numFailedTests: 0,
      numPendingTests: 1,
      numTodoTests: 1,
      testResults: [
        {
          status: "passed",
          message: "",
          assertionResults: [
            { status: "passed" },
            { status: "skipped" },
            { status: "todo" },
            { status: "passed" },
          ],
        },
      ],
    },
    line: "2 passed, 0 failed, 2 skipped",
  },
  "two tests fail in one file, inside nested describe blocks": {
    report: {
      success: false,
      // The file and both describe blocks: three "suites" for two failures.
      numFailedTestSuites: 3,
      numPassedTests: 2,
      numFailedTests: 2,
      numPendingTests: 0,
      numTodoTests: 0,
      testResults: [
        {
          status: "failed",
          message: "",
          assertionResults: [{ status: "failed" }, { status: "failed" }, { status: "passed" }],
        },
        { status: "passed", message: "", assertionResults: [{ status: "passed" }] },
      ],
    },
    line: "2 passed, 2 failed",
  },
  "a test file fails to load": {
    report: {
      success: false,
      numFailedTestSuites: 1,
      numPassedTests: 1,
      numFailedTests: 0,
      numPendingTests: 0,
      numTodoTests: 0,
      testResults: [
        {
          status: "failed",
          message: "Cannot find module './missing-module.js' imported from a.test.ts",
          assertionResults: [],
        },
        { status: "passed", message: "", assertionResults: [{ status: "passed" }] },
      ],
    },
    line: "1 passed, 1 failed",
  },
  "a beforeAll hook fails, so its tests are skipped": {
    report: {
      success: false,
      numFailedTestSuites: 2,
      numPassedTests: 1,
      numFailedTests: 0,
      numPendingTests: 2,
      numTodoTests: 0,
      testResults: [
        {
          status: "failed",
          message: "",
          assertionResults: [{ status: "skipped" }, { status: "skipped" }, { status: "passed" }],
        },
      ],
    },
    line: "1 passed, 1 failed, 2 skipped",
  },
  "an error is raised outside any test": {
    report: {
      // vitest itself says success: true here; JsonReportWithUnhandledErrors corrects it.
      success: false,
      numFailedTestSuites: 0,
      numPassedTests: 3,
      numFailedTests: 0,
      numPendingTests: 0,
      numTodoTests: 0,
      testResults: [
        { status: "passed", message: "", assertionResults: [{ status: "passed" }] },
        {
          status: "passed",
          message: "",
          assertionResults: [{ status: "passed" }, { status: "passed" }],
        },
      ],
      unhandledErrors: [{ name: "Error", message: "late boom" }],
    },
    line: "3 passed, 1 failed",
  },
  "the run failed with no test file at all": {
    report: {
      success: false,
      numFailedTestSuites: 0,
      numPassedTests: 0,
      numFailedTests: 0,
      testResults: [],
    },
    line: "0 passed, 1 failed",
  },
};

describe("the count line", () => {
  it.each(Object.entries(samples))("%s", (_case, { report, line }) => {
    expect(countLine(countTests(report))).toBe(line);
  });

  it("says 1 failed, and exits non-zero, when there is no report to read", async () => {
    const script = join(here, "count-tests.mjs");
    const missing = join(tmpdir(), "no-such-dir", "vitest.json");
    const failure = await run(process.execPath, [script, missing]).catch((error) => error);
    expect(failure).toMatchObject({ code: 1, stdout: "0 passed, 1 failed\n" });
  });
});

describe("the JSON report of a real vitest run", () => {
  it("counts failed tests once, a file that did not load, and an error outside any test", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rookery-count-"));
    try {
      const reporter = pathToFileURL(join(here, "json-report.ts")).href;
      const files = {
        "vitest.config.mjs": `import { JsonReportWithUnhandledErrors } from ${JSON.stringify(reporter)};
export default { test: { reporters: [new JsonReportWithUnhandledErrors({ outputFile: "report.json" })] } };`,
        "passes.test.mjs": `import { test } from "vitest";
test("passes", () => {});`,
        "fails.test.mjs": `import { describe, expect, test } from "vitest";
describe("outer", () => describe("inner", () => {
  test("fails once", () => expect(1).toBe(2));
  test("fails twice", () => expect(1).toBe(3));
}));`,
        "broken.test.mjs": `import "./missing-module.mjs";`,
        "stray.test.mjs": `import { test } from "vitest";
test("leaves a rejection nobody handles", () => { Promise.reject(new Error("stray")); });`,
      };
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      const vitest = dirname(createRequire(import.meta.url).resolve("vitest/package.json"));
      const ran = await run(process.execPath, [join(vitest, "vitest.mjs"), "run"], {
        cwd: dir,
        env: { ...process.env, CI: "" },
      }).catch((error) => error);
      expect(ran.code).toBe(1);
      const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8"));
      expect(report.unhandledErrors).toEqual([{ name: "Error", message: "stray" }]);
      expect(countLine(countTests(report))).toBe("2 passed, 4 failed");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
