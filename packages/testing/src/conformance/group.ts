import type { RookeryAdapter } from "@rookery/core";
import type { Fixtures } from "../fixtures.js";
import type { StoreInspector } from "../harness.js";

/** What each conformance test receives: a fresh store and fresh deterministic fixtures. */
export interface ConformanceContext {
  readonly adapter: RookeryAdapter;
  readonly inspect: StoreInspector;
  readonly f: Fixtures;
}

type ConformanceTest = (context: ConformanceContext) => Promise<void>;

/** Registers one test of a group; the runner decides whether it runs or is opted out. */
export type RegisterTest = (title: string, body: ConformanceTest) => void;

export interface ConformanceGroup {
  readonly name: string;
  readonly register: (test: RegisterTest) => void;
}

export function defineGroup(
  name: string,
  register: (test: RegisterTest) => void,
): ConformanceGroup {
  return { name, register };
}
