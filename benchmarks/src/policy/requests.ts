import { penguinPolicy } from "./penguin-policy.js";
import {
  type BenchActor,
  type BenchRequest,
  type BenchTarget,
  random,
  type World,
  workspaceId,
} from "./world.js";

/** The actions asked, workspace- and tenant-scoped, granted to every role or to few. */
const benchActions = [
  "campaign.read",
  "campaign.update",
  "campaign.delete",
  "domain.create",
  "contact.read",
  "workspace.read",
  "workspace.rename",
  "template.read",
  "template.update",
  "billing.update",
  "member.add",
  "audit.read",
  "tenant.read",
  "settings.update",
] as const;

type Definition = typeof penguinPolicy.definition;
const resourceOf = (action: string): string => {
  const declared = penguinPolicy.definition.actions[action as keyof Definition["actions"]];
  return ("resource" in declared ? declared.resource : undefined) ?? action.split(".")[0] ?? "";
};
const scopeOf = (resource: string) =>
  penguinPolicy.definition.resources[resource as keyof Definition["resources"]];

export interface RequestOptions {
  readonly count: number;
  readonly crossTenantShare: number;
  /**
   * Ask with the world's own actor objects instead of a fresh actor per request.
   * A service builds its actor from the rows it has just read, so fresh is the
   * default; resident actors, scattered over a large heap, measure memory as
   * much as the engine.
   */
  readonly residentActors?: boolean;
  readonly seed?: number;
}

// A new string with the same characters, as reading it from a row would give.
const fresh = (value: string) => [...value].join("");
const freshActor = (actor: BenchActor): BenchActor => ({
  userId: fresh(actor.userId),
  tenantId: fresh(actor.tenantId),
  role: actor.role,
  workspaceIds: new Set([...actor.workspaceIds].map(fresh)),
});

/** A source of requests over one world, one request per call. */
function requestSource(world: World, options: RequestOptions): () => BenchRequest {
  const { crossTenantShare, residentActors = false, seed = 2 } = options;
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return () => {
    const resident = pick(world.actors);
    const actor = residentActors ? resident : freshActor(resident);
    const action = pick(benchActions);
    const resource = resourceOf(action);
    const own = Number(actor.tenantId.slice(1));
    const cross = world.tenants > 1 && next() < crossTenantShare;
    const tenant = cross
      ? (own + 1 + Math.floor(next() * (world.tenants - 1))) % world.tenants
      : own;
    const workspace = workspaceId(tenant, Math.floor(next() * world.workspacesPerTenant));
    const target: BenchTarget =
      scopeOf(resource) === "workspace"
        ? { __type: resource, tenantId: `t${tenant}`, workspaceId: workspace }
        : { __type: resource, tenantId: `t${tenant}` };
    return { actor, action, resource, target };
  };
}

/**
 * Requests over a world: a random user, a random action and a target in a
 * random workspace of the user's tenant, or, for `crossTenantShare` of them,
 * of any other tenant of the world.
 */
export function buildRequests(world: World, options: RequestOptions): BenchRequest[] {
  return buildRequestSets([{ world, options }])[0] ?? [];
}

/**
 * Several request sets built in lockstep, one request of each in turn, so that
 * their objects are allocated together and no set gets the better memory: the
 * comparison between worlds is then about the worlds, not the heap layout.
 */
export function buildRequestSets(
  sets: readonly { readonly world: World; readonly options: RequestOptions }[],
): BenchRequest[][] {
  const sources = sets.map(({ world, options }) => requestSource(world, options));
  const results = sets.map((): BenchRequest[] => []);
  const count = Math.max(0, ...sets.map((set) => set.options.count));
  for (let i = 0; i < count; i++) {
    sets.forEach((set, index) => {
      if (i < set.options.count) results[index]?.push((sources[index] as () => BenchRequest)());
    });
  }
  return results;
}

/** Which roles hold an action, once inheritance is followed: the table every peer engine is built from. */
export function rolesHolding(action: string): Set<string> {
  const { roles, actions } = penguinPolicy.definition;
  const declared = new Set<string>(actions[action as keyof Definition["actions"]].roles);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [role, definition] of Object.entries(roles)) {
      const parents: readonly string[] = "inherits" in definition ? definition.inherits : [];
      if (!declared.has(role) && parents.some((parent) => declared.has(parent))) {
        declared.add(role);
        grew = true;
      }
    }
  }
  return declared;
}

export { resourceOf, scopeOf };
