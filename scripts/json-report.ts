import { JsonReporter, type SerializedError, type TestModule } from "vitest/node";

/**
 * vitest's JSON report, plus what it leaves out: errors raised outside any
 * test (an unhandled rejection, a timer throwing after its test ended). vitest
 * fails the run for them but reports `success: true` with nothing failed, so
 * the count line CI reads (scripts/count-tests.mjs) would say "0 failed".
 * Here they are listed as `unhandledErrors` and the run is not a success.
 */
export class JsonReportWithUnhandledErrors extends JsonReporter {
  #unhandled: readonly SerializedError[] = [];

  override async onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError> = [],
  ): Promise<void> {
    this.#unhandled = unhandledErrors;
    await super.onTestRunEnd(testModules);
  }

  override async writeReport(report: string): Promise<void> {
    if (this.#unhandled.length === 0) return super.writeReport(report);
    const parsed = JSON.parse(report) as Record<string, unknown>;
    parsed.success = false;
    parsed.unhandledErrors = this.#unhandled.map((error) => ({
      name: error.name ?? "Error",
      message: error.message,
    }));
    return super.writeReport(JSON.stringify(parsed));
  }
}
