import fc from "fast-check";
import type { PolicyDefinition } from "../index.js";

/** A loose actor and target, as random worlds produce them. */
export interface WorldActor {
  userId: string;
  tenantId: string;
  role: string;
  workspaceIds: Set<string>;
}
export type WorldTarget = { tenantId: string; workspaceId?: string };

/** Tenants, their workspaces, actors with roles and assignments, and resources of every type. */
export interface World {
  readonly actors: readonly WorldActor[];
  /** Every target each resource type can have in the world, keyed by type. */
  readonly targets: ReadonlyMap<string, readonly WorldTarget[]>;
}

const tenantIds = ["t1", "t2", "t3"];
const workspacesOf = (tenantId: string) => [1, 2, 3, 4].map((n) => `${tenantId}-w${n}`);

/** A random world over a definition: actors of random tenants and roles, with random assignments. */
export function worldOf(definition: PolicyDefinition): fc.Arbitrary<World> {
  const roles = Object.keys(definition.roles);
  const actor = fc
    .record({
      tenantId: fc.constantFrom(...tenantIds),
      role: fc.constantFrom(...roles),
      picks: fc.subarray([0, 1, 2, 3]),
      // A stray id of another tenant must never open that tenant's workspace.
      stray: fc.boolean(),
    })
    .map(({ tenantId, role, picks, stray }): WorldActor => {
      const own = picks.map((n: number) => workspacesOf(tenantId)[n] as string);
      return {
        userId: "",
        tenantId,
        role,
        workspaceIds: new Set(stray ? [...own, "t9-w1", workspacesOf("t2")[0] as string] : own),
      };
    });
  const targets = new Map<string, WorldTarget[]>();
  for (const [type, scope] of Object.entries(definition.resources)) {
    targets.set(
      type,
      tenantIds.flatMap((tenantId) =>
        scope === "tenant"
          ? [{ tenantId }]
          : workspacesOf(tenantId).map((workspaceId) => ({ tenantId, workspaceId })),
      ),
    );
  }
  return fc
    .array(actor, { minLength: 1, maxLength: 8 })
    .map((actors) => ({ actors: actors.map((a, i) => ({ ...a, userId: `u${i}` })), targets }));
}

/** A random, valid definition: roles inherit only from later roles, so there is no cycle. */
export const definitionArbitrary: fc.Arbitrary<PolicyDefinition> = fc
  .record({
    roleCount: fc.integer({ min: 1, max: 5 }),
    resourceScopes: fc.array(fc.constantFrom("tenant" as const, "workspace" as const), {
      minLength: 1,
      maxLength: 4,
    }),
    seed: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
  })
  .map(({ roleCount, resourceScopes, seed }) => {
    let cursor = 0;
    const next = () => seed[cursor++ % seed.length] as number;
    const roleNames = Array.from({ length: roleCount }, (_, i) => `r${i}`);
    const roles = Object.fromEntries(
      roleNames.map((name, i) => [
        name,
        {
          workspaces: next() % 2 === 0 ? ("all" as const) : ("assigned" as const),
          inherits: roleNames.slice(i + 1).filter(() => next() % 3 === 0),
        },
      ]),
    );
    const resources = Object.fromEntries(resourceScopes.map((scope, i) => [`res${i}`, scope]));
    const actions: Record<string, { roles: string[] }> = {};
    for (const resource of Object.keys(resources)) {
      for (const verb of ["read", "write"]) {
        actions[`${resource}.${verb}`] = { roles: roleNames.filter(() => next() % 3 === 0) };
      }
    }
    actions["people.add"] = { roles: roleNames.filter(() => next() % 2 === 0) };
    return {
      roles,
      resources: { ...resources, people: "tenant" as const },
      actions,
      membership: {
        owner: "r0",
        add: "people.add",
        changeRole: "people.add",
        remove: "people.add",
        transferOwnership: "people.add",
      },
    };
  });

/** The naive reading of a definition, written apart from the engine, as the oracle. */
export function holds(definition: PolicyDefinition, role: string, action: string): boolean {
  const granted = definition.actions[action]?.roles.includes(role) ?? false;
  return (
    granted || (definition.roles[role]?.inherits ?? []).some((p) => holds(definition, p, action))
  );
}

export function expectedAllowed(
  definition: PolicyDefinition,
  actor: WorldActor,
  action: string,
  target: WorldTarget,
): boolean {
  if (actor.tenantId !== target.tenantId || !holds(definition, actor.role, action)) return false;
  const resource = definition.actions[action]?.resource ?? action.split(".")[0] ?? "";
  const workspaceScoped = definition.resources[resource] === "workspace";
  if (!workspaceScoped || definition.roles[actor.role]?.workspaces === "all") return true;
  return actor.workspaceIds.has(target.workspaceId ?? "");
}

/** Whether a target lies within a filter, read as an adapter would: the actor's tenant, then the workspaces. */
export function inFilter(
  filter: { kind: string; workspaceIds?: readonly string[] },
  actor: WorldActor,
  target: WorldTarget,
): boolean {
  if (target.tenantId !== actor.tenantId) return false;
  if (filter.kind === "all") return true;
  if (filter.kind === "none") return false;
  return filter.workspaceIds?.includes(target.workspaceId ?? "") ?? false;
}
