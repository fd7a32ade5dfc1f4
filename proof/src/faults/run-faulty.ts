import type { RookeryAdapter } from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import { manualClock, penguinTenancy } from "@rookery/testing";
import type { AnyCommand } from "../differential/command.js";
import { emptyKnown } from "../differential/known.js";
import { answer, type Step, shown } from "../differential/run-sequence.js";
import type { Side } from "../differential/side.js";
import { memoryOracle } from "../oracle/memory-oracle.js";
import { stateDifferences } from "../oracle/state.js";
import { withDeadline } from "../support/bounded.js";
import type { FaultCluster } from "./fault-cluster.js";
import { recordedIds, replayedIds } from "./replay-ids.js";

/** A fault injected while a step runs: after `delayMs`, kill every backend or restart the server. */
export interface Fault {
  readonly step: number;
  readonly kind: "kill" | "restart";
  readonly delayMs: number;
}

/** Something a faulty sequence did that the contract forbids. */
export interface FaultAnomaly {
  readonly kind: "throw" | "replay mismatch" | "violation" | "partial state" | "no recovery";
  /** The call of the step, and what it answered. */
  readonly call: string;
  readonly answered: string;
  readonly detail: string;
  /** The sequence's calls up to the anomaly, as resolved. */
  readonly transcript: string;
}

export interface FaultTally {
  sequences: number;
  steps: number;
  kills: number;
  backendsKilled: number;
  restarts: number;
  /** Answers of the calls a fault hit, by code. */
  readonly failed: Map<string, number>;
  /** The most rounds of probes a recovery took (a round succeeds when all its probes do). */
  slowestRecovery: number;
  /** Probes that failed while the pool found its connections dead. */
  failedProbes: number;
  /** Sequences whose replay stopped at an unfinished signup (the oracle went on). */
  unfinishedSignups: number;
  readonly anomalies: FaultAnomaly[];
}

export function emptyFaultTally(): FaultTally {
  return {
    sequences: 0,
    steps: 0,
    kills: 0,
    backendsKilled: 0,
    restarts: 0,
    failed: new Map(),
    slowestRecovery: 0,
    failedProbes: 0,
    unfinishedSignups: 0,
    anomalies: [],
  };
}

const STEP_DEADLINE_MS = 120_000;
/** Rounds of probes after a fault before it counts as "did not recover". */
const RECOVERY_ROUNDS = 5;
/** As many probes at once as the pool has connections (docs/nile.md's setup: 10). */
const PROBES = 10;

/** Retries what the oracle does around a restart: the oracle is not what is under test. */
async function steady<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function side(name: string, adapter: RookeryAdapter, ids: () => string): Side {
  const { tenancy, clock } = penguinTenancy(adapter, { ids, clock: manualClock() });
  return { name, tenancy, clock, held: new Map(), invitationTokens: new Map() };
}

/**
 * Runs one sequence on PostgreSQL with faults injected while some steps run,
 * and replays on a fresh in-memory store only the calls that succeeded, with
 * the ids they drew. After every step the oracle checks the database, and the
 * database must hold what the replay holds: a call that answered an error left
 * nothing behind, and a call that succeeded did all it said. The one leftover
 * the docs allow is an unfinished signup (a tenant left in `provisioning`,
 * invisible, its owner claimed, resumed by a retry with its key): from there on
 * the replay no longer models the store, and only the oracle goes on. After a
 * fault, the library must serve a call again within a few attempts, alone.
 */
export async function runFaultySequence(
  commands: ReadonlyMap<string, AnyCommand>,
  env: FaultCluster,
  steps: readonly Step[],
  faults: readonly Fault[],
  tally: FaultTally,
): Promise<void> {
  await steady(() => env.empty());
  const ids = recordedIds();
  const replay = replayedIds();
  const memory = memoryAdapter();
  const onPostgres = side("postgres", env.adapter, ids.next);
  const onMemory = side("memory", memory, replay.next);
  const memoryCheck = memoryOracle(memory);
  const known = emptyKnown();
  const transcript: string[] = [];
  let replaying = true;
  tally.sequences += 1;
  for (const [index, step] of steps.entries()) {
    const command = commands.get(step.command);
    if (command === undefined) throw new Error(`Unknown command ${step.command}`);
    const call = command.resolve(step.args, known);
    const here = `${index + 1}. ${command.name} ${JSON.stringify(call)}`;
    const hits = faults.filter((f) => f.step === index);
    transcript.push(`  ${here}${hits.map((f) => ` [${f.kind} after ${f.delayMs} ms]`).join("")}`);
    ids.begin(index);
    const running = answer(command, onPostgres, call);
    for (const fault of hits) {
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault.kind === "kill") {
        tally.kills += 1;
        tally.backendsKilled += await steady(() => env.kill());
      } else {
        tally.restarts += 1;
        await env.restart();
      }
    }
    const outcome = await withDeadline(running, STEP_DEADLINE_MS, `step ${here}`);
    tally.steps += 1;
    await holdAlike(onPostgres, onMemory);
    const answered = shown(outcome).slice(0, 300);
    const anomaly = (kind: FaultAnomaly["kind"], detail: string) => {
      tally.anomalies.push({
        kind,
        call: command.name,
        answered,
        detail,
        transcript: transcript.join("\n"),
      });
    };
    if ("threw" in outcome) {
      anomaly("throw", String(outcome.threw));
      return;
    }
    if (hits.length > 0) {
      if (outcome.result.isErr()) {
        const code = outcome.result.error.code;
        tally.failed.set(code, (tally.failed.get(code) ?? 0) + 1);
      }
      const rounds = await recovery(onPostgres, tally);
      tally.slowestRecovery = Math.max(tally.slowestRecovery, rounds);
      if (rounds > RECOVERY_ROUNDS) {
        anomaly("no recovery", `calls still failed after ${RECOVERY_ROUNDS} rounds of probes`);
        return;
      }
    } else if (outcome.result.isErr() && outcome.result.error.code === "UNAVAILABLE") {
      anomaly("no recovery", "UNAVAILABLE on a step no fault hit");
      return;
    }
    if (outcome.result.isOk()) command.learn?.(known, call, outcome.result.value);
    if (outcome.result.isOk() && replaying) {
      replay.use(ids.of(index));
      const replayed = await answer(command, onMemory, call);
      if (shown(replayed) !== shown(outcome)) {
        anomaly("replay mismatch", `memory answered ${shown(replayed).slice(0, 300)}`);
        return;
      }
    }
    const report = await steady(() => env.oracle.check({ settled: false }));
    if (report.violations.length > 0) {
      anomaly("violation", report.violations.join("; "));
      return;
    }
    if (!replaying) continue;
    const stored = await steady(() => env.oracle.state());
    if (stored.tenants.some((t) => t.status === "provisioning")) {
      replaying = false;
      tally.unfinishedSignups += 1;
      continue;
    }
    let differences = stateDifferences(memoryCheck.state(), stored);
    if (differences.length > 0 && hits.length > 0) {
      // An event of a platform change whose copy into its tenant's log the fault cut off is
      // durable in the shared outbox: the documented sweep completes it, and then the store
      // must hold what the replay holds.
      await steady(async () => (await onPostgres.tenancy.events.sweep())._unsafeUnwrap());
      differences = stateDifferences(memoryCheck.state(), await steady(() => env.oracle.state()));
    }
    if (differences.length > 0) {
      anomaly(
        "partial state",
        `the replay of the calls that succeeded / the database:\n    ${differences.join("\n    ")}`,
      );
      return;
    }
  }
}

/**
 * A scope is held from the first time a step asks for it, even by a call that
 * then fails, which the replay skips: the memory side holds the same identity.
 */
async function holdAlike(from: Side, to: Side): Promise<void> {
  for (const [userId, scope] of from.held) {
    if (to.held.has(userId)) continue;
    const same = await to.tenancy.as({ userId, tenantId: scope.tenantId });
    if (same.isOk()) to.held.set(userId, same.value);
  }
}

/**
 * After a fault, calls as many reads at once as the pool has connections, so
 * that each pooled connection the fault left dead is found (and replaced) now
 * rather than by a later step; recovered when a whole round succeeds. Answers
 * the rounds it took (past the bound: it did not recover).
 */
async function recovery(onPostgres: Side, tally: FaultTally): Promise<number> {
  for (let round = 1; round <= RECOVERY_ROUNDS; round++) {
    const probes = await Promise.all(
      Array.from({ length: PROBES }, () => onPostgres.tenancy.platform.listTenants({ limit: 1 })),
    );
    const failed = probes.filter((p) => p.isErr()).length;
    tally.failedProbes += failed;
    if (failed === 0) return round;
    await new Promise((resolve) => setTimeout(resolve, 50 * round));
  }
  return RECOVERY_ROUNDS + 1;
}
