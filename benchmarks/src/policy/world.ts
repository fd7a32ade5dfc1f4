import type { Actor } from "@rookery/policy";
import type { PenguinPolicyDefinition } from "./penguin-policy.js";

export type BenchActor = Actor<PenguinPolicyDefinition>;

/** A target as every engine reads it: CASL finds its subject type in `__type`. */
export interface BenchTarget {
  readonly __type: string;
  readonly tenantId: string;
  readonly workspaceId?: string;
}

/** One request of the benchmark: the same for every engine. */
export interface BenchRequest {
  readonly actor: BenchActor;
  readonly action: string;
  readonly resource: string;
  readonly target: BenchTarget;
}

export interface World {
  readonly tenants: number;
  readonly workspacesPerTenant: number;
  readonly actors: readonly BenchActor[];
}

/** A small, seeded generator, so that every run asks the same questions. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const workspaceId = (tenant: number, workspace: number) => `t${tenant}-w${workspace}`;

/**
 * Tenants of ten workspaces each, with an owner, an admin and three members
 * assigned to two distinct workspaces each.
 */
export function buildWorld(tenants: number, seed = 1): World {
  const next = random(seed);
  const workspacesPerTenant = 10;
  const actors: BenchActor[] = [];
  for (let t = 0; t < tenants; t++) {
    const tenantId = `t${t}`;
    const user = (role: BenchActor["role"], n: number, workspaceIds: string[]): BenchActor => ({
      userId: `${tenantId}-u${n}`,
      tenantId,
      role,
      workspaceIds: new Set(workspaceIds),
    });
    actors.push(user("owner", 0, []), user("admin", 1, []));
    for (let m = 2; m < 5; m++) {
      const first = Math.floor(next() * workspacesPerTenant);
      const second =
        (first + 1 + Math.floor(next() * (workspacesPerTenant - 1))) % workspacesPerTenant;
      actors.push(user("member", m, [workspaceId(t, first), workspaceId(t, second)]));
    }
  }
  return { tenants, workspacesPerTenant, actors };
}
