/**
 * The shape of a policy definition, and the names it gives rise to.
 *
 * A definition is plain data written `as const` (or passed to a `const` type
 * parameter), so the names of its roles, actions and resource types become
 * literal types that every check is typed against.
 */

/** Where a resource type lives: shared by the whole tenant, or inside one workspace. */
export type ResourceScope = "tenant" | "workspace";

/** Which workspaces a role reaches: every workspace of its tenant, or only those assigned to the actor. */
export type WorkspaceReach = "all" | "assigned";

/** One role: the roles whose grants it inherits, and which workspaces it reaches. */
export interface RoleDefinition {
  readonly inherits?: readonly string[];
  readonly workspaces: WorkspaceReach;
}

/**
 * One action: the roles granted it (roles inheriting from them hold it too),
 * and, when the action's name does not start with its resource type, that type.
 */
export interface ActionDefinition {
  readonly roles: readonly string[];
  readonly resource?: string;
}

/**
 * The actions that govern membership, and the one role only a transfer may move.
 * Without it, every grant check denies: the engine cannot tell who manages members.
 */
export interface MembershipDefinition {
  readonly owner: string;
  readonly add: string;
  readonly changeRole: string;
  readonly remove: string;
  readonly transferOwnership: string;
}

/** A policy definition before its names are checked against each other. */
export interface PolicyDefinition {
  readonly roles: { readonly [role: string]: RoleDefinition };
  readonly resources: { readonly [resource: string]: ResourceScope };
  readonly actions: { readonly [action: string]: ActionDefinition };
  readonly membership?: MembershipDefinition;
}

/** The role names of a definition. */
export type RoleName<D extends PolicyDefinition> = keyof D["roles"] & string;

/** The action names of a definition. */
export type ActionName<D extends PolicyDefinition> = keyof D["actions"] & string;

/** The resource type names of a definition. */
export type ResourceName<D extends PolicyDefinition> = keyof D["resources"] & string;

/** The resource type an action is about: its declared `resource`, else the part of its name before the first dot. */
export type ActionResource<
  D extends PolicyDefinition,
  A extends ActionName<D>,
> = D["actions"][A] extends {
  readonly resource: infer R extends string;
}
  ? R
  : A extends `${infer R}.${string}`
    ? R
    : never;

/** The scope of the resource type an action is about. */
export type ActionScope<
  D extends PolicyDefinition,
  A extends ActionName<D>,
> = D["resources"][ActionResource<D, A>];

/**
 * The same definition with every cross-reference narrowed to the names it declares.
 * `definePolicy` intersects its argument with this, so a misspelt role or resource
 * type in the definition is a compile error at the place it is written. A definition
 * typed only as {@link PolicyDefinition} (built at run time) has no names to check;
 * it is checked when compiled instead.
 */
export type CheckedDefinition<D extends PolicyDefinition> = string extends
  | keyof D["roles"]
  | keyof D["resources"]
  | keyof D["actions"]
  ? PolicyDefinition
  : LiteralChecks<D>;

type LiteralChecks<D extends PolicyDefinition> = {
  readonly roles: {
    readonly [R in keyof D["roles"]]: {
      readonly inherits?: readonly RoleName<D>[];
      readonly workspaces: WorkspaceReach;
    };
  };
  readonly resources: { readonly [R in keyof D["resources"]]: ResourceScope };
  readonly actions: {
    readonly [A in keyof D["actions"]]: A extends `${ResourceName<D>}.${string}`
      ? { readonly roles: readonly RoleName<D>[]; readonly resource?: ResourceName<D> }
      : { readonly roles: readonly RoleName<D>[]; readonly resource: ResourceName<D> };
  };
  readonly membership?: {
    readonly owner: RoleName<D>;
    readonly add: ActionName<D>;
    readonly changeRole: ActionName<D>;
    readonly remove: ActionName<D>;
    readonly transferOwnership: ActionName<D>;
  };
};
