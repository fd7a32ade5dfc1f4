import type { ErrorCode, RookeryError } from "@rookery/core";
import type { Result } from "neverthrow";
import { expect } from "vitest";
import type { Pending } from "../differential/side.js";
import type { PostgresOracle } from "../oracle/postgres-oracle.js";
import { withDeadline } from "../support/bounded.js";
import { RACE_PLANS } from "./companies.js";

/** What a race's callers got back: how many won, and the codes the others answered. */
export interface RaceTally {
  readonly name: string;
  readonly callers: number;
  readonly ok: number;
  readonly codes: Readonly<Record<string, number>>;
}

const EXPECT = { settled: true, plans: RACE_PLANS } as const;

/** Every race of the run, for the summary line. */
export const RACES: RaceTally[] = [];
/** The retries after the races, and how many succeeded. */
export const RETRIES = { tried: 0, succeeded: 0 };

/** A race may take this long with 100 callers on a busy machine before it counts as hung. */
const RACE_DEADLINE_MS = 180_000;

type Call = () => Pending;

/**
 * Starts every call at once and waits (boundedly) for all of them; then the
 * oracle must find nothing, and every loser must have answered one of
 * `allowed`. Returns the tally; the race's own expectations follow in the test.
 */
export async function race(
  name: string,
  calls: readonly Call[],
  allowed: readonly ErrorCode[],
  oracle: PostgresOracle,
): Promise<RaceTally & { readonly results: readonly Result<unknown, RookeryError>[] }> {
  const results = await withDeadline(
    Promise.all(calls.map((call) => call())),
    RACE_DEADLINE_MS,
    `the race "${name}"`,
  );
  const codes: Record<string, number> = {};
  for (const r of results) if (r.isErr()) codes[r.error.code] = (codes[r.error.code] ?? 0) + 1;
  const tally = { name, callers: calls.length, ok: results.filter((r) => r.isOk()).length, codes };
  RACES.push(tally);
  const report = await oracle.check(EXPECT);
  expect(report.violations, `${name}: the oracle after the race`).toEqual([]);
  const unexpected = Object.keys(codes).filter((code) => !allowed.includes(code as ErrorCode));
  const samples = results.filter((r) => r.isErr() && unexpected.includes(r.error.code));
  expect(
    unexpected,
    `${name}: ${JSON.stringify(samples.slice(0, 3).map((r) => r._unsafeUnwrapErr()))}`,
  ).toEqual([]);
  return { ...tally, results };
}

/** A retry after the race: it must succeed, and leave the oracle nothing to find. */
export async function retry(name: string, call: Call, oracle: PostgresOracle): Promise<void> {
  RETRIES.tried += 1;
  const result = await withDeadline(call(), RACE_DEADLINE_MS, `the retry after "${name}"`);
  if (result.isOk()) RETRIES.succeeded += 1;
  expect(result.isOk() ? "ok" : result.error, `${name}: the retry`).toBe("ok");
  expect((await oracle.check(EXPECT)).violations, `${name}: after the retry`).toEqual([]);
}
