import { definePolicy, type Policy } from "./define-policy.js";
import type { CheckedDefinition, ResourceScope } from "./definition.js";

/**
 * The three roles of the tenancy table. Owner inherits Admin, Admin inherits Member;
 * Members reach only the workspaces assigned to them.
 */
const roles = {
  owner: { inherits: ["admin"], workspaces: "all" },
  admin: { inherits: ["member"], workspaces: "all" },
  member: { workspaces: "assigned" },
} as const;

/** The resource types every tenancy has, whatever the application declares beside them. */
const builtinResources = {
  tenant: "tenant",
  membership: "tenant",
  billing: "tenant",
  member: "tenant",
  settings: "tenant",
  audit: "tenant",
  workspace: "workspace",
} as const;

const owner = ["owner"] as const;
const admin = ["admin"] as const;
const member = ["member"] as const;

/** The tenancy's own actions, one line per cell of the role table. */
const builtinActions = {
  "tenant.read": { roles: member },
  /** The actor's own membership; services pass the actor's own membership as the target. */
  "membership.read": { roles: member },
  "billing.read": { roles: owner },
  "billing.update": { roles: owner },
  "tenant.delete": { roles: owner },
  "tenant.transfer-ownership": { roles: owner },
  "member.add": { roles: admin },
  "member.remove": { roles: admin },
  "member.change-role": { roles: admin },
  // Creating a workspace acts on the tenant: there is no workspace id yet.
  "workspace.create": { roles: admin, resource: "tenant" },
  "workspace.read": { roles: member },
  "workspace.rename": { roles: admin },
  "workspace.archive": { roles: admin },
  "workspace.delete": { roles: admin },
  "workspace.assign": { roles: admin },
  // Not a cell of the table: workspaces inherit the settings, so their members read them.
  "settings.read": { roles: member },
  "settings.update": { roles: admin },
  "audit.read": { roles: admin },
} as const;

const membership = {
  owner: "owner",
  add: "member.add",
  changeRole: "member.change-role",
  remove: "member.remove",
  transferOwnership: "tenant.transfer-ownership",
} as const;

/** The verbs every application resource type gets. */
export type ResourceVerb = "create" | "read" | "update" | "delete";

/** The resource types an application declares, with their scope. Built-in names are reserved. */
export type AppResources = { readonly [resource: string]: ResourceScope };

type BuiltinResource = keyof typeof builtinResources;

/** The definition the tenancy table gives over an application's resource types. */
export interface TenancyDefinition<R extends AppResources> {
  readonly roles: typeof roles;
  readonly resources: typeof builtinResources & R;
  readonly actions: typeof builtinActions & {
    readonly [A in `${keyof R & string}.${ResourceVerb}`]: {
      readonly roles: readonly TenancyRole[];
    };
  };
  readonly membership: typeof membership;
}

/** The roles of the tenancy table. */
export type TenancyRole = keyof typeof roles;

/**
 * The tenancy role table (Owner / Admin / Member) over an application's resource
 * types, as a definition the application may extend before compiling it.
 * Workspace-scoped types: every verb for anyone reaching the workspace.
 * Tenant-scoped types: read for every role, write for Owner and Admin.
 */
export function tenancyDefinition<const R extends AppResources>(options: {
  readonly resources: R & { readonly [K in BuiltinResource]?: never };
}): TenancyDefinition<R> {
  const actions: Record<string, { readonly roles: readonly TenancyRole[] }> = {};
  for (const [resource, scope] of Object.entries(options.resources)) {
    const writers = scope === "workspace" ? member : admin;
    actions[`${resource}.create`] = { roles: writers };
    actions[`${resource}.read`] = { roles: member };
    actions[`${resource}.update`] = { roles: writers };
    actions[`${resource}.delete`] = { roles: writers };
  }
  // Application resources come first so that a clash with a built-in name can
  // never weaken a built-in action; the clash itself is refused by the types.
  return {
    roles,
    resources: { ...options.resources, ...builtinResources },
    actions: { ...actions, ...builtinActions },
    membership,
  } as TenancyDefinition<R>;
}

/** The tenancy role table over an application's resource types, compiled. */
export function tenancyPolicy<const R extends AppResources>(options: {
  readonly resources: R & { readonly [K in BuiltinResource]?: never };
}): Policy<TenancyDefinition<R>> {
  // The cross-references of the table are fixed and checked by the tests over a
  // sample of resources; TypeScript cannot re-check them for every generic R.
  const definition = tenancyDefinition(options) as TenancyDefinition<R> &
    CheckedDefinition<TenancyDefinition<R>>;
  return definePolicy<TenancyDefinition<R>>(definition);
}
