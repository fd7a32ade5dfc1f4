import { memoryAdapter } from "@rookery/memory";
import { tenancyWorld } from "@rookery/testing";
import type { PostgresLane } from "../differential/run-sequence.js";
import { memoryOracle } from "../oracle/memory-oracle.js";
import type { HostileSide } from "./run-hostile.js";

const settled = { settled: true } as const;

/**
 * The same two-tenant world (`tenancyWorld`, deterministic ids and clock) on a
 * fresh in-memory store and on the emptied PostgreSQL lane.
 */
export async function buildSides(lane: PostgresLane): Promise<HostileSide[]> {
  const memory = memoryAdapter();
  const oracle = memoryOracle(memory);
  await lane.empty();
  const [onMemory, onPostgres] = await Promise.all([
    tenancyWorld(memory),
    tenancyWorld(lane.adapter),
  ]);
  return [
    {
      name: "memory",
      world: onMemory,
      fingerprint: oracle.fingerprint,
      check: async () => oracle.check(settled),
    },
    {
      name: "postgres",
      world: onPostgres,
      fingerprint: () => lane.oracle.fingerprint(),
      check: () => lane.oracle.check(settled),
    },
  ];
}

/** Tenant A's ids mapped to tenant B's of the same kind: "another tenant's real id". */
export function foreignIds(side: HostileSide): (id: string) => string | undefined {
  const { a, b } = side.world;
  const pairs: [string, string][] = [
    [a.tenantId, b.tenantId],
    [a.ids.owner, b.ids.owner],
    [a.ids.admin, b.ids.admin],
    [a.ids.member, b.ids.member],
    [a.ws1, b.ws1],
    [a.ws2, b.ws2],
    [a.campaign1, b.campaign1],
    [a.campaign2, b.campaign2],
    [a.domain1, b.domain1],
    [a.contact1, b.contact1],
    [a.template, b.template],
  ];
  const map = new Map(pairs);
  // An id of B's used where A's is expected: then "another tenant's" is A's.
  for (const [x, y] of pairs) map.set(y, x);
  return (id) => map.get(id);
}
