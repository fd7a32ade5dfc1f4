// Prints "N passed, N failed" from vitest's JSON report: the one line CI reads,
// so that a run that executed no test is noticed instead of passing silently.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/**
 * Counts a vitest JSON report (`reporters: ["json"]`, or the root config's
 * JsonReportWithUnhandledErrors). Failed means, each counted once:
 * - every failed test;
 * - every test file that failed with no failed test in it: it did not load,
 *   or a beforeAll / afterAll hook failed (its tests are then skipped). A file
 *   whose tests failed is not counted again, nor are its describe blocks, which
 *   vitest's numFailedTestSuites does count;
 * - every error raised outside any test (`unhandledErrors`);
 * - and one more if the report says the run failed while nothing above did
 *   (no test file found, say).
 * @param {{
 *   success?: boolean,
 *   numPassedTests?: number,
 *   numPendingTests?: number,
 *   numTodoTests?: number,
 *   testResults?: { status?: string, assertionResults?: { status?: string }[] }[],
 *   unhandledErrors?: unknown[],
 * }} report
 * @returns {{ passed: number, failed: number, skipped: number }}
 */
export function countTests(report) {
  let failed = 0;
  for (const file of report.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === "failed").length;
    failed += failedTests > 0 ? failedTests : file.status === "failed" ? 1 : 0;
  }
  failed += report.unhandledErrors?.length ?? 0;
  if (report.success === false && failed === 0) failed = 1;
  return {
    passed: report.numPassedTests ?? 0,
    failed,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** @param {{ passed: number, failed: number, skipped: number }} counts */
export function countLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2] ?? "reports/vitest.json";
  let report;
  try {
    report = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    // No report (the run crashed before writing it) is a failure, never "0 failed".
    console.log(countLine({ passed: 0, failed: 1, skipped: 0 }));
    process.exit(1);
  }
  console.log(countLine(countTests(report)));
}
