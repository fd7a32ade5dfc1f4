import type { BenchRequest, World } from "../world.js";

/**
 * One engine under measurement. `prepare` runs untimed and turns each request
 * into what the engine's own API takes; `check` is the only timed work.
 */
export interface Engine<P = unknown> {
  readonly name: string;
  prepare(world: World, requests: readonly BenchRequest[]): Promise<P[]> | P[];
  check(prepared: P): boolean;
}
