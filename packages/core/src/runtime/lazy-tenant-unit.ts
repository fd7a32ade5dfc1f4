import type { TenantUnit } from "../port/tenant-unit.js";

/** The repositories of a tenant unit that hold the tenant's own data. */
export type TenantDataRepositoryName =
  | "memberships"
  | "workspaces"
  | "assignments"
  | "subscription"
  | "settings"
  | "resources"
  | "invitations"
  | "audit";

/** Makes one of a unit's repositories. */
export type MakeRepository = <K extends TenantDataRepositoryName>(name: K) => TenantUnit[K];

/**
 * A tenant unit whose eight data repositories are each made by `make` when
 * first read, and kept for the unit: a call reaches two or three of them, so
 * the others are never built. `rest` is the rest of the unit (its tenant id,
 * tenant reader and the optional members). The repositories are own
 * enumerable getters, so spreading the unit still copies them.
 */
export function lazyTenantUnit(
  rest: Omit<TenantUnit, TenantDataRepositoryName>,
  make: MakeRepository,
): TenantUnit {
  const made: { [K in TenantDataRepositoryName]?: TenantUnit[K] } = {};
  const get = <K extends TenantDataRepositoryName>(name: K): TenantUnit[K] => {
    const known = made[name];
    if (known !== undefined) return known;
    const repository = make(name);
    made[name] = repository;
    return repository;
  };
  // Every unit of every call makes one of these (two, with core's guard), so
  // the members are named one by one: an object literal that spreads `rest`
  // beside getters takes about three times as long to make in V8.
  const unit: TenantUnit = {
    tenantId: rest.tenantId,
    tenant: rest.tenant,
    purge: rest.purge,
    get memberships() {
      return get("memberships");
    },
    get workspaces() {
      return get("workspaces");
    },
    get assignments() {
      return get("assignments");
    },
    get subscription() {
      return get("subscription");
    },
    get settings() {
      return get("settings");
    },
    get resources() {
      return get("resources");
    },
    get invitations() {
      return get("invitations");
    },
    get audit() {
      return get("audit");
    },
  };
  // Absent stays absent: a store without them has no such member, not one set to undefined.
  if (rest.actor !== undefined) unit.actor = rest.actor;
  if (rest.query !== undefined) unit.query = rest.query;
  return unit;
}
