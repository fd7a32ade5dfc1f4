import { memoryAdapter } from "@rookery/memory";
import { type TenancyWorld, tenancyWorld } from "@rookery/testing";
import type { Result } from "neverthrow";
import type { PostgresLane } from "../differential/run-sequence.js";
import { memoryOracle } from "../oracle/memory-oracle.js";
import type { StoreState } from "../oracle/state.js";
import type { BoundaryCall } from "./boundary-calls.js";
import { failingAdapter, type UnitFaults } from "./failing-adapter.js";

/** One adapter's world behind a failing adapter, with the oracle's views of its store. */
export interface Store {
  readonly name: string;
  readonly world: TenancyWorld;
  readonly faults: UnitFaults;
  fingerprint(): Promise<string>;
  state(): Promise<StoreState>;
  violations(): Promise<readonly string[]>;
}

/** The two-tenant world on memory and on the emptied database, each behind a failing adapter. */
async function stores(lane: PostgresLane, prepare?: BoundaryCall["prepare"]): Promise<Store[]> {
  const memory = memoryAdapter();
  const memoryCheck = memoryOracle(memory);
  await lane.empty();
  const make = async (name: string, adapter: Parameters<typeof failingAdapter>[0]) => {
    const faults: UnitFaults = { units: 0, failAt: null };
    const world = await tenancyWorld(failingAdapter(adapter, faults));
    await prepare?.(world);
    return { name, world, faults };
  };
  const [m, p] = await Promise.all([make("memory", memory), make("postgres", lane.adapter)]);
  return [
    {
      ...m,
      fingerprint: memoryCheck.fingerprint,
      state: async () => memoryCheck.state(),
      violations: async () => memoryCheck.check({ settled: true }).violations,
    },
    {
      ...p,
      fingerprint: () => lane.oracle.fingerprint(),
      state: () => lane.oracle.state(),
      violations: async () => (await lane.oracle.check({ settled: true })).violations,
    },
  ];
}

/** Runs the call on every store with the `failAt`-th unit failing (null: none). */
export async function attempt(lane: PostgresLane, c: BoundaryCall, failAt: number | null) {
  const all = await stores(lane, c.prepare);
  return Promise.all(
    all.map(async (store) => {
      const before = await store.fingerprint();
      store.faults.units = 0;
      store.faults.failAt = failAt;
      const result: Result<unknown, unknown> = await c.call(store.world);
      store.faults.failAt = null;
      return { store, before, result, units: store.faults.units };
    }),
  );
}
