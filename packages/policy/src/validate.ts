import type { PolicyDefinition } from "./definition.js";

// Role bits live in one 32-bit integer; bit 31 is the sign bit, so 31 roles.
const MAX_ROLES = 31;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isStringArray = (value: unknown): value is readonly string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

/**
 * Lists what is wrong with a definition, in words. The types catch most of it
 * at compile time; this catches definitions built at run time, and any
 * problem makes the compiled policy deny everything rather than guess.
 */
export function findProblems(definition: PolicyDefinition): string[] {
  if (!isRecord(definition)) return ["the definition is not an object"];
  const { roles, resources, actions, membership } = definition as unknown as Record<
    string,
    unknown
  >;
  if (!isRecord(roles) || !isRecord(resources) || !isRecord(actions)) {
    return ["the definition needs `roles`, `resources` and `actions` objects"];
  }
  const problems: string[] = [];
  const roleNames = Object.keys(roles);
  if (roleNames.length === 0) problems.push("the definition declares no role");
  if (roleNames.length > MAX_ROLES) problems.push(`more than ${MAX_ROLES} roles are declared`);

  for (const [name, role] of Object.entries(roles)) {
    if (!isRecord(role)) {
      problems.push(`role "${name}" is not an object`);
      continue;
    }
    if (role.workspaces !== "all" && role.workspaces !== "assigned") {
      problems.push(`role "${name}" must reach workspaces "all" or "assigned"`);
    }
    const inherits = role.inherits ?? [];
    if (!isStringArray(inherits)) problems.push(`role "${name}" inherits from a non-list`);
    else {
      for (const parent of inherits) {
        if (!Object.hasOwn(roles, parent)) {
          problems.push(`role "${name}" inherits from unknown role "${parent}"`);
        }
      }
    }
  }
  problems.push(...findCycles(roles));

  for (const [name, scope] of Object.entries(resources)) {
    if (name === "" || name.includes(".")) {
      problems.push(`resource type "${name}" must be non-empty and contain no dot`);
    }
    if (scope !== "tenant" && scope !== "workspace") {
      problems.push(`resource type "${name}" must be scoped "tenant" or "workspace"`);
    }
  }

  for (const [name, action] of Object.entries(actions)) {
    if (!isRecord(action) || !isStringArray(action.roles)) {
      problems.push(`action "${name}" needs a list of roles`);
      continue;
    }
    const resource = action.resource ?? name.split(".")[0];
    if (typeof resource !== "string" || !Object.hasOwn(resources, resource)) {
      problems.push(`action "${name}" is about unknown resource type "${String(resource)}"`);
    }
    for (const role of action.roles) {
      if (!Object.hasOwn(roles, role))
        problems.push(`action "${name}" names unknown role "${role}"`);
    }
  }

  if (membership !== undefined) problems.push(...membershipProblems(membership, roles, actions));
  return problems;
}

function membershipProblems(
  membership: unknown,
  roles: Record<string, unknown>,
  actions: Record<string, unknown>,
): string[] {
  if (!isRecord(membership)) return ["`membership` is not an object"];
  const problems: string[] = [];
  if (typeof membership.owner !== "string" || !Object.hasOwn(roles, membership.owner)) {
    problems.push(`membership names unknown owner role "${String(membership.owner)}"`);
  }
  for (const key of ["add", "changeRole", "remove", "transferOwnership"] as const) {
    const action = membership[key];
    if (typeof action !== "string" || !Object.hasOwn(actions, action)) {
      problems.push(`membership.${key} names unknown action "${String(action)}"`);
    }
  }
  return problems;
}

// A cycle would make every role in it inherit itself: harmless for grants,
// but almost certainly a mistake in the table, so it is reported.
function findCycles(roles: Record<string, unknown>): string[] {
  const parentsOf = (name: string): string[] => {
    const role = roles[name];
    const inherits = isRecord(role) ? role.inherits : undefined;
    return isStringArray(inherits) ? inherits.filter((p) => Object.hasOwn(roles, p)) : [];
  };
  const state = new Map<string, "visiting" | "done">();
  const problems: string[] = [];
  const visit = (name: string, path: string[]): void => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") {
      problems.push(`roles inherit in a cycle: ${[...path, name].join(" -> ")}`);
      return;
    }
    state.set(name, "visiting");
    for (const parent of parentsOf(name)) visit(parent, [...path, name]);
    state.set(name, "done");
  };
  for (const name of Object.keys(roles)) visit(name, []);
  return problems;
}
