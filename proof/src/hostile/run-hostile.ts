import { httpStatusOf, isRookeryError, type RookeryError } from "@rookery/core";
import type { TenancyWorld } from "@rookery/testing";
import type { Result } from "neverthrow";
import type { OracleReport } from "../oracle/postgres-oracle.js";
import { withDeadline } from "../support/bounded.js";
import { canonical, normaliseResult } from "../support/normalise.js";
import type { EntryPoint, Slot } from "./entry-points.js";
import { KNOWN_BUGS } from "./known-bugs.js";
import { setAt } from "./slot.js";
import type { HostileKind } from "./values.js";

/** One adapter's world for the hostile calls, with the oracle's views of its store. */
export interface HostileSide {
  readonly name: string;
  readonly world: TenancyWorld;
  fingerprint(): Promise<string>;
  check(): Promise<OracleReport>;
}

/** Something a hostile call did that the contract forbids. */
export interface Anomaly {
  readonly kind:
    | "throw"
    | "untyped error"
    | "server error"
    | "disclosure"
    | "partial write"
    | "disagreement"
    | "violation";
  readonly entry: string;
  readonly slot: string;
  readonly label: string;
  readonly valueKind: HostileKind | "random";
  readonly detail: string;
}

export interface HostileTally {
  inputs: number;
  okAnswers: number;
  readonly anomalies: Anomaly[];
  /** Anomalies a known bug explains, by the bug's id. */
  readonly known: Map<string, Anomaly[]>;
}

export function emptyHostileTally(): HostileTally {
  return { inputs: 0, okAnswers: 0, anomalies: [], known: new Map() };
}

type Outcome =
  | { readonly result: Result<unknown, RookeryError> }
  | { readonly threw: string }
  | { readonly untyped: string };

const HANG_MS = 60_000;
const FOREIGN_ID = "another tenant's id of the same kind";

async function attempt(side: HostileSide, entry: EntryPoint, args: unknown[]): Promise<Outcome> {
  try {
    const answer = await withDeadline(
      Promise.resolve(entry.call(side.world, args)),
      HANG_MS,
      `${entry.name} on ${side.name}`,
    );
    const result = answer as Result<unknown, unknown>;
    if (typeof result?.isOk !== "function") {
      return { untyped: `answered ${String(answer)}, not a Result` };
    }
    if (result.isErr() && !isRookeryError(result.error)) {
      return { untyped: `answered Err(${safeText(result.error)}), not a RookeryError` };
    }
    return { result: result as Result<unknown, RookeryError> };
  } catch (thrown) {
    return {
      threw: thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : safeText(thrown),
    };
  }
}

function safeText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** The values one hostile input takes on each side (made per side: proxies and cycles are not shared). */
interface HostileInput {
  readonly label: string;
  readonly kind: HostileKind | "random";
  value(side: HostileSide, args: readonly unknown[]): unknown;
}

/**
 * Makes one hostile call on every side: each must answer a Result (a
 * RookeryError when it fails), write nothing when it fails, leave the oracle
 * nothing to find when it succeeds, and answer as the other side does.
 * `before` holds each side's fingerprint from the previous call, and is updated.
 */
async function tryHostile(
  sides: readonly HostileSide[],
  before: string[],
  call: { readonly entry: EntryPoint; readonly slot: Slot; readonly n: number },
  input: HostileInput,
  tally: HostileTally,
): Promise<readonly Anomaly[]> {
  const { entry, slot, n } = call;
  const outcomes = await Promise.all(
    sides.map((side) => {
      const valid = entry.args(side.world, n);
      return attempt(side, entry, setAt(valid, slot, input.value(side, valid)));
    }),
  );
  tally.inputs += 1;
  const found: Anomaly[] = [];
  const note = (kind: Anomaly["kind"], detail: string) =>
    found.push({
      kind,
      entry: entry.name,
      slot: JSON.stringify(slot),
      label: input.label,
      valueKind: input.kind,
      detail,
    });
  for (const [i, side] of sides.entries()) {
    const outcome = outcomes[i] as Outcome;
    const after = await side.fingerprint();
    const wrote = after !== before[i];
    before[i] = after;
    if ("threw" in outcome) note("throw", `${side.name}: ${outcome.threw}`);
    else if ("untyped" in outcome) note("untyped error", `${side.name}: ${outcome.untyped}`);
    else if (
      outcome.result.isErr() &&
      outcome.result.error.code === "FORBIDDEN" &&
      input.label === FOREIGN_ID &&
      !/^(tenancy|platform|createTenancy)\b/.test(entry.name)
    ) {
      // Another tenant's thing must answer as an absent one: FORBIDDEN would confirm it exists.
      note("disclosure", `${side.name}: FORBIDDEN for another tenant's id`);
    } else if (outcome.result.isErr() && httpStatusOf(outcome.result.error.code) >= 500) {
      // A caller's input must never make the library say it is at fault (docs/guides/errors.md).
      note(
        "server error",
        `${side.name}: ${outcome.result.error.code}: ${outcome.result.error.message}`,
      );
    } else if (outcome.result.isErr() && wrote) {
      note("partial write", `${side.name}: answered ${outcome.result.error.code} and wrote`);
    } else if (outcome.result.isOk() && wrote) {
      const report = await side.check();
      for (const v of report.violations) note("violation", `${side.name}: ${v}`);
    }
  }
  const shown = outcomes.map((o) => ("result" in o ? canonical(normaliseResult(o.result)) : null));
  if (shown.every((s) => s !== null) && new Set(shown).size > 1) {
    note("disagreement", shown.map((s, i) => `${sides[i]?.name}: ${s?.slice(0, 400)}`).join(" / "));
  }
  const first = outcomes[0];
  if (first !== undefined && "result" in first && first.result.isOk()) tally.okAnswers += 1;
  for (const anomaly of found) {
    const bug = KNOWN_BUGS.find((b) => b.matches(anomaly));
    if (bug === undefined) tally.anomalies.push(anomaly);
    else tally.known.set(bug.id, [...(tally.known.get(bug.id) ?? []), anomaly]);
  }
  return found;
}

/** Calls on one pair of worlds, rebuilt whenever a call left them apart or broken. */
export interface HostileSession {
  readonly sides: readonly HostileSide[];
  attempt(call: Parameters<typeof tryHostile>[2], input: HostileInput): Promise<void>;
}

/**
 * Opens a session on freshly built worlds. After a disagreement, a partial
 * write or an oracle violation the worlds are built again, so that one bug is
 * counted once and not again by every later call in a store it left apart.
 */
export async function hostileSession(
  build: () => Promise<HostileSide[]>,
  tally: HostileTally,
): Promise<HostileSession> {
  let sides = await build();
  let before = await Promise.all(sides.map((s) => s.fingerprint()));
  return {
    get sides() {
      return sides;
    },
    attempt: async (call, input) => {
      const found = await tryHostile(sides, before, call, input, tally);
      if (found.some((a) => a.kind !== "throw" && a.kind !== "untyped error")) {
        sides = await build();
        before = await Promise.all(sides.map((s) => s.fingerprint()));
      }
    },
  };
}
