// Prints "N passed, N failed" from vitest's JSON report: the one line CI reads,
// so that a run that executed no test is noticed instead of passing silently.
import { readFileSync } from "node:fs";

const file = process.argv[2] ?? "reports/vitest.json";
let report;
try {
  report = JSON.parse(readFileSync(file, "utf8"));
} catch {
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
// A test file that fails to load has no failed test in it but must still count.
let failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
// An error outside any test (an unhandled rejection, say) fails the run: count it once.
if (report.success === false && failed === 0) failed = 1;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
