/**
 * Timing with care: each engine gets its own freshly compiled loop, so one
 * engine's call site never sees another's function and the JIT optimises each
 * as a caller would; the loop counts allowed answers into a sink that is
 * compared with the expected count, so the work can be neither dropped nor wrong.
 */

type Loop = (
  check: (p: unknown) => boolean,
  prepared: readonly unknown[],
  iterations: number,
) => number;

// A new Function per engine: closures of one literal would share type feedback.
const freshLoop = (): Loop =>
  new Function(
    "check",
    "prepared",
    "iterations",
    `"use strict";
    const n = prepared.length;
    let sink = 0;
    for (let i = 0, k = 0; i < iterations; i++) {
      if (check(prepared[k])) sink++;
      if (++k === n) k = 0;
    }
    return sink;`,
  ) as Loop;

export interface Timed {
  readonly name: string;
  readonly prepared: readonly unknown[];
  readonly check: (p: unknown) => boolean;
  /** How many of `prepared` are allowed, from the verified answers. */
  readonly allowedPerPass: number;
}

export interface TimingOptions {
  readonly rounds: number;
  /** Target length of one round; iterations are calibrated to reach it. */
  readonly roundMs: number;
  readonly warmupMs: number;
}

const expectedSink = (t: Timed, iterations: number) => {
  const n = t.prepared.length;
  const full = Math.floor(iterations / n) * t.allowedPerPass;
  let rest = 0;
  for (let i = 0; i < iterations % n; i++) if (t.check(t.prepared[i])) rest++;
  return full + rest;
};

function run(loop: Loop, t: Timed, iterations: number): number {
  const start = process.hrtime.bigint();
  const sink = loop(t.check, t.prepared, iterations);
  const elapsed = Number(process.hrtime.bigint() - start);
  if (sink !== expectedSink(t, iterations)) {
    throw new Error(
      `${t.name}: the timed loop gave ${sink} allowed answers, not the verified count`,
    );
  }
  return elapsed;
}

/**
 * Times several engines, interleaving their rounds so that drift of the machine
 * falls on all of them alike. Returns the median ns per check of each.
 */
export function timeEngines(
  engines: readonly Timed[],
  options: TimingOptions,
): Map<string, number> {
  settle(engines, options);
  const plans = engines.map((t) => {
    const loop = freshLoop();
    // Warm up and calibrate: double the iterations until a round takes roundMs.
    let iterations = t.prepared.length;
    const warmupEnd = performance.now() + options.warmupMs;
    // Engines slow enough to time in a single pass (roundMs 0) skip the warm-up:
    // the verification pass before timing has already run every request once.
    if (options.roundMs <= 0 && options.warmupMs <= 0)
      return { t, loop, iterations, samples: [] as number[] };
    let last = run(loop, t, iterations);
    while (last < options.roundMs * 1e6 || performance.now() < warmupEnd) {
      if (last < options.roundMs * 1e6) iterations *= 2;
      last = run(loop, t, iterations);
    }
    return { t, loop, iterations, samples: [] as number[] };
  });
  for (let round = 0; round < options.rounds; round++) {
    for (const plan of plans) {
      plan.samples.push(run(plan.loop, plan.t, plan.iterations) / plan.iterations);
    }
  }
  return new Map(plans.map((p) => [p.t.name, median(p.samples)]));
}

/**
 * Runs every engine on every data set, in throwaway loops, before any timed
 * loop is compiled. The JIT specialises a check on what it has seen so far: a
 * loop compiled while one data set had been seen runs tighter code than one
 * compiled after all had, which would favour whatever is timed first.
 */
function settle(engines: readonly Timed[], options: TimingOptions): void {
  if (options.roundMs <= 0 && options.warmupMs <= 0) return;
  for (let pass = 0; pass < 2; pass++) {
    for (const t of engines) {
      const loop = freshLoop();
      const end = performance.now() + options.warmupMs / 2;
      do run(loop, t, t.prepared.length);
      while (performance.now() < end);
    }
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
