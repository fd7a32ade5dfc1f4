import type { RookeryError } from "@rookery/core";
import { type Result, ResultAsync } from "neverthrow";
import type { VerifyReport } from "./check-database.js";

type Verdict = Result<VerifyReport, RookeryError>;

export interface ReadinessOptions {
  /** Age after which a verdict is checked again; 0 re-checks after every unit. */
  readonly recheckEveryMs: number;
  /** Called with each check that passed (to report its warnings). */
  readonly onPassed: (report: VerifyReport) => void;
  readonly now?: () => number;
}

/** The adapter's standing with the start-up check, kept fresh cheaply. */
export interface Readiness {
  /**
   * The verdict units go by. The first unit, and the first after a doubt,
   * waits for a check; later ones use the last verdict while a check older
   * than the interval is repeated in the background (a refusal is repeated
   * before use, since the unit would fail anyway). UNAVAILABLE is never kept.
   */
  ready(): ResultAsync<VerifyReport, RookeryError>;
  /** Runs the check now, after any already running, and keeps its verdict. */
  verify(): ResultAsync<VerifyReport, RookeryError>;
  /** Something suggested the schema changed: the next unit waits for a new check. */
  doubt(): void;
}

export function readiness(check: () => Promise<Verdict>, options: ReadinessOptions): Readiness {
  const now = options.now ?? Date.now;
  let verdict: { readonly result: Verdict; readonly at: number } | null = null;
  let running: Promise<Verdict> | null = null;
  let doubted = false;

  const run = (): Promise<Verdict> => {
    running ??= check().then((result) => {
      running = null;
      // A check that could not run says nothing about the database.
      if (result.isErr() && result.error.code === "UNAVAILABLE") return result;
      verdict = { result, at: now() };
      doubted = false;
      if (result.isOk()) options.onPassed(result.value);
      return result;
    });
    return running;
  };

  return {
    ready: () => {
      if (verdict === null || doubted) return new ResultAsync(running ?? run());
      const stale = now() - verdict.at >= options.recheckEveryMs;
      if (stale && verdict.result.isErr()) return new ResultAsync(running ?? run());
      if (stale && running === null) void run();
      return new ResultAsync(Promise.resolve(verdict.result));
    },
    verify: () => new ResultAsync((running ?? Promise.resolve(null)).then(() => running ?? run())),
    doubt: () => {
      doubted = true;
    },
  };
}
