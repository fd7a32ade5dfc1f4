import type { PlatformUnit } from "../port/platform-unit.js";
import type { TenantUnit } from "../port/tenant-unit.js";

/** Whether a port method only reads the store or also writes it. */
export type MethodKind = "read" | "write";

/** One kind for every method of a repository: the compiler refuses a missing or unknown one. */
export type MethodKinds<Repository> = { readonly [Method in keyof Repository]-?: MethodKind };

export type TenantRepositoryName = Exclude<
  keyof TenantUnit,
  "tenantId" | "purge" | "query" | "actor"
>;

/**
 * Every method of a tenant unit, by repository, with what it does to the
 * store. Core wraps exactly these methods, by name, so an adapter may build
 * its repositories as plain objects or as class instances alike.
 */
export const TENANT_METHODS: {
  readonly [R in TenantRepositoryName]: MethodKinds<TenantUnit[R]>;
} = {
  tenant: { get: "read" },
  memberships: {
    insert: "write",
    get: "read",
    list: "read",
    owner: "read",
    updateRole: "write",
    remove: "write",
    count: "read",
  },
  workspaces: {
    insert: "write",
    get: "read",
    list: "read",
    update: "write",
    remove: "write",
    count: "read",
  },
  assignments: {
    add: "write",
    remove: "write",
    listForUser: "read",
    listForWorkspace: "read",
  },
  subscription: { get: "read", insert: "write", update: "write" },
  settings: {
    getTenant: "read",
    putTenant: "write",
    getWorkspace: "read",
    putWorkspace: "write",
  },
  resources: {
    insert: "write",
    get: "read",
    update: "write",
    remove: "write",
    list: "read",
    count: "read",
  },
  invitations: { insert: "write", get: "read", list: "read", update: "write" },
  audit: { append: "write", list: "read", pending: "read", markDelivered: "write" },
};

/** Every method of a platform unit, by repository. */
export const PLATFORM_METHODS: {
  readonly [R in Exclude<keyof PlatformUnit, "locate">]: MethodKinds<PlatformUnit[R]>;
} = {
  tenants: { insert: "write", get: "read", list: "read", update: "write", remove: "write" },
  users: {
    insert: "write",
    get: "read",
    getMany: "read",
    getByEmail: "read",
    getBySubject: "read",
    update: "write",
    remove: "write",
  },
  claims: { claim: "write", get: "read", release: "write", releaseAll: "write" },
  events: { add: "write", list: "read", remove: "write" },
};
