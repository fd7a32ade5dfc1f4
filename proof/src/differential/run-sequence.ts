import type { RookeryError } from "@rookery/core";
import { type MemoryAdapter, memoryAdapter } from "@rookery/memory";
import type { NileAdapter } from "@rookery/nile";
import type { Result } from "neverthrow";
import { memoryOracle } from "../oracle/memory-oracle.js";
import type { PostgresOracle } from "../oracle/postgres-oracle.js";
import { stateDifferences } from "../oracle/state.js";
import { canonical, normaliseResult } from "../support/normalise.js";
import type { AnyCommand } from "./command.js";
import { emptyKnown } from "./known.js";
import { makeSide, type Side } from "./side.js";

/** One drawn step: a command by name and its symbolic arguments. */
export interface Step {
  readonly command: string;
  readonly args: unknown;
}

/** A PostgreSQL database a lane runs its sequences on, emptied before each. */
export interface PostgresLane {
  readonly adapter: NileAdapter;
  readonly oracle: PostgresOracle;
  empty(): Promise<void>;
}

/** What a lane saw, added up over its sequences. */
export interface Tally {
  sequences: number;
  steps: number;
  mismatches: number;
  violations: number;
  throws: number;
  rowsChecked: number;
  /** How often each command answered Ok and each error code, on the sequences that agreed. */
  readonly outcomes: Map<string, number>;
}

export function emptyTally(): Tally {
  return {
    sequences: 0,
    steps: 0,
    mismatches: 0,
    violations: 0,
    throws: 0,
    rowsChecked: 0,
    outcomes: new Map(),
  };
}

/** A call's answer, or what it threw (a finding: nothing public may throw). */
export type Answer =
  | { readonly result: Result<unknown, RookeryError> }
  | { readonly threw: unknown };

export async function answer(command: AnyCommand, side: Side, call: unknown): Promise<Answer> {
  try {
    return { result: await command.call(side, call) };
  } catch (thrown) {
    return { threw: thrown };
  }
}

export const shown = (a: Answer) =>
  "threw" in a ? `THREW ${String(a.threw)}` : canonical(normaliseResult(a.result)).slice(0, 1500);

/**
 * Runs one sequence on a fresh in-memory store and on the emptied PostgreSQL
 * database, step by step and side by side: the answers must be equal by value,
 * the oracle must find nothing on either side after every step, and the two
 * stores must hold the same rows at the end. Throws an Error that tells the
 * resolved calls of the sequence on the first failure.
 */
export async function runSequence(
  commands: ReadonlyMap<string, AnyCommand>,
  lane: PostgresLane,
  steps: readonly Step[],
  tally: Tally,
): Promise<void> {
  await lane.empty();
  const memory: MemoryAdapter = memoryAdapter();
  const memoryCheck = memoryOracle(memory);
  const sides = [makeSide("memory", memory), makeSide("postgres", lane.adapter)] as const;
  const known = emptyKnown();
  const transcript: string[] = [];
  const fail = (kind: keyof Tally, what: string): never => {
    (tally[kind] as number) += 1;
    throw new Error(`${what}\nThe calls, as resolved:\n${transcript.join("\n")}`);
  };
  tally.sequences += 1;
  for (const [index, step] of steps.entries()) {
    const command = commands.get(step.command);
    if (command === undefined) throw new Error(`Unknown command ${step.command}`);
    const call = command.resolve(step.args, known);
    transcript.push(`  ${index + 1}. ${command.name} ${JSON.stringify(call)}`);
    const [onMemory, onPostgres] = await Promise.all(sides.map((s) => answer(command, s, call)));
    tally.steps += 1;
    if (onMemory === undefined || onPostgres === undefined) throw new Error("two sides expected");
    if ("threw" in onMemory || "threw" in onPostgres) {
      fail(
        "throws",
        `Step ${index + 1} threw:\n  memory: ${shown(onMemory)}\n  postgres: ${shown(onPostgres)}`,
      );
    }
    if (shown(onMemory) !== shown(onPostgres)) {
      fail(
        "mismatches",
        `Step ${index + 1}: the adapters answered differently:\n  memory: ${shown(onMemory)}\n  postgres: ${shown(onPostgres)}`,
      );
    }
    const result = (onMemory as { result: Result<unknown, RookeryError> }).result;
    const outcome = `${command.name} ${result.isOk() ? "ok" : codeOf(result.error)}`;
    tally.outcomes.set(outcome, (tally.outcomes.get(outcome) ?? 0) + 1);
    if (result.isOk()) command.learn?.(known, call, result.value);
    const expect = { settled: true };
    const [ofMemory, ofPostgres] = [memoryCheck.check(expect), await lane.oracle.check(expect)];
    tally.rowsChecked += ofMemory.rowsChecked + ofPostgres.rowsChecked;
    const violations = [
      ...ofMemory.violations.map((v) => `memory: ${v}`),
      ...ofPostgres.violations.map((v) => `postgres: ${v}`),
    ];
    if (violations.length > 0) {
      fail("violations", `After step ${index + 1} the oracle found:\n  ${violations.join("\n  ")}`);
    }
  }
  const differences = stateDifferences(memoryCheck.state(), await lane.oracle.state());
  if (differences.length > 0) {
    fail("mismatches", `The stores hold different rows at the end:\n  ${differences.join("\n  ")}`);
  }
}

/** An error's code, with the entity of a NOT_FOUND or CONFLICT: what the tally tells apart. */
function codeOf(error: RookeryError): string {
  if (error.code === "VALIDATION")
    return `${error.code}(${error.issues.map((i) => i.path).join(",")})`;
  return "entity" in error ? `${error.code}(${error.entity})` : error.code;
}
