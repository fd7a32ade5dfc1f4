import type { MembershipDefinition, PolicyDefinition, WorkspaceReach } from "./definition.js";
import { findProblems } from "./validate.js";

/** A role, compiled: its bit, its reach, and what it holds once inheritance is resolved. */
export interface CompiledRole {
  readonly name: string;
  readonly bit: number;
  readonly workspaces: WorkspaceReach;
  /** Each action the role holds, mapped to the role that declares the grant (itself or an ancestor). */
  readonly grants: ReadonlyMap<string, string>;
  /** Bits of the roles whose every right this role also holds. */
  readonly covers: number;
}

/**
 * An action, compiled into two role masks so a check is a bit test:
 * roles in `direct` are allowed anywhere in their tenant; roles in `viaAssignment`
 * only in the workspaces assigned to the actor.
 */
export interface CompiledAction {
  readonly name: string;
  readonly resource: string;
  readonly workspaceScoped: boolean;
  readonly direct: number;
  readonly viaAssignment: number;
  /**
   * The same masks by role position, for the fast path: 1 allowed anywhere in
   * the tenant, 2 allowed in assigned workspaces, 0 not granted.
   */
  readonly reachByRole: readonly (0 | 1 | 2)[];
}

/** The whole policy, compiled. An invalid definition compiles to empty maps, so everything is denied. */
export interface CompiledPolicy {
  readonly valid: boolean;
  readonly problems: readonly string[];
  readonly roles: ReadonlyMap<string, CompiledRole>;
  readonly actions: ReadonlyMap<string, CompiledAction>;
  readonly resources: ReadonlyMap<string, "tenant" | "workspace">;
  readonly membership: MembershipDefinition | undefined;
}

const EMPTY: Omit<CompiledPolicy, "problems"> = {
  valid: false,
  roles: new Map(),
  actions: new Map(),
  resources: new Map(),
  membership: undefined,
};

/** Compiles a definition once; never throws (a definition it cannot read is invalid). */
export function compile(definition: PolicyDefinition): CompiledPolicy {
  try {
    const problems = findProblems(definition);
    if (problems.length > 0) return { ...EMPTY, problems };
    return build(definition);
  } catch (error) {
    return { ...EMPTY, problems: [`the definition could not be read: ${String(error)}`] };
  }
}

function build(definition: PolicyDefinition): CompiledPolicy {
  const roleNames = Object.keys(definition.roles);
  const bitOf = new Map(roleNames.map((name, index) => [name, 1 << index]));
  const grants = resolveGrants(definition);

  const base = roleNames.map((name) => ({
    name,
    bit: bitOf.get(name) ?? 0,
    workspaces: definition.roles[name]?.workspaces ?? ("assigned" as const),
    grants: grants.get(name) ?? new Map<string, string>(),
  }));
  const roles = new Map<string, CompiledRole>();
  for (const role of base) {
    let covers = 0;
    for (const other of base) if (holdsAllOf(role, other)) covers |= other.bit;
    roles.set(role.name, { ...role, covers });
  }

  const resources = new Map(Object.entries(definition.resources));
  const actions = new Map<string, CompiledAction>();
  for (const [name, action] of Object.entries(definition.actions)) {
    const resource = action.resource ?? name.split(".")[0] ?? "";
    const workspaceScoped = resources.get(resource) === "workspace";
    let direct = 0;
    let viaAssignment = 0;
    for (const role of roles.values()) {
      if (!role.grants.has(name)) continue;
      if (workspaceScoped && role.workspaces === "assigned") viaAssignment |= role.bit;
      else direct |= role.bit;
    }
    const reachByRole = [...roles.values()].map((role) =>
      (direct & role.bit) !== 0 ? 1 : (viaAssignment & role.bit) !== 0 ? 2 : 0,
    );
    actions.set(name, { name, resource, workspaceScoped, direct, viaAssignment, reachByRole });
  }
  return {
    valid: true,
    problems: [],
    roles,
    actions,
    resources,
    membership: definition.membership,
  };
}

// For each role, every action it holds and the role that declares that grant,
// walking inheritance breadth first so the nearest declaring role is named.
function resolveGrants(definition: PolicyDefinition): Map<string, Map<string, string>> {
  const declared = new Map<string, string[]>();
  for (const [action, { roles }] of Object.entries(definition.actions)) {
    for (const role of roles) declared.set(role, [...(declared.get(role) ?? []), action]);
  }
  const result = new Map<string, Map<string, string>>();
  for (const name of Object.keys(definition.roles)) {
    const held = new Map<string, string>();
    const seen = new Set<string>();
    const queue = [name];
    for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
      if (seen.has(current)) continue;
      seen.add(current);
      for (const action of declared.get(current) ?? [])
        if (!held.has(action)) held.set(action, current);
      queue.push(...(definition.roles[current]?.inherits ?? []));
    }
    result.set(name, held);
  }
  return result;
}

// A role covers another when granting the other would give nothing new:
// every action, and no wider workspace reach.
type RoleRights = Pick<CompiledRole, "workspaces" | "grants">;

function holdsAllOf(role: RoleRights, other: RoleRights): boolean {
  if (other.workspaces === "all" && role.workspaces !== "all") return false;
  for (const action of other.grants.keys()) if (!role.grants.has(action)) return false;
  return true;
}
