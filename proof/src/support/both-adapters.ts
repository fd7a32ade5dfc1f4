import { afterAll, beforeAll } from "vitest";
import type { PostgresLane } from "../differential/run-sequence.js";
import type { HostileSide } from "../hostile/run-hostile.js";
import { buildSides } from "../hostile/worlds.js";
import { openLanes } from "./lanes.js";

/**
 * The two-tenant world on the in-memory adapter and on PostgreSQL, rebuilt
 * by `fresh()`: each regression shows its bug on both, or the disagreement
 * between them.
 */
export function bothAdapters(): {
  fresh(): Promise<readonly HostileSide[]>;
  lane(): PostgresLane;
} {
  let opened: Awaited<ReturnType<typeof openLanes>> | undefined;
  beforeAll(async () => {
    opened = await openLanes(1);
  });
  afterAll(() => opened?.close());
  const lane = () => {
    const open = opened?.lanes[0];
    if (open === undefined) throw new Error("the database is not open");
    return open;
  };
  return { fresh: () => buildSides(lane()), lane };
}

/** What a call answered, or what it threw: a regression expects the first, never the second. */
export async function settle(call: () => unknown): Promise<unknown> {
  try {
    return await call();
  } catch (thrown) {
    return { threw: String(thrown) };
  }
}
