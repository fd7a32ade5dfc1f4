import { RookeryErrors, type Tenant, type User, type UserId } from "@rookery/core";
import type {
  PlatformEventRepository,
  PlatformUnit,
  TenantClaimRepository,
  TenantRepository,
  UserRepository,
} from "@rookery/core/adapter";
import { paginate } from "./page.js";
import { fail, ok } from "./results.js";
import type { PlatformTables } from "./state.js";
import { type Draft, stored } from "./tables.js";

/** The platform unit over a draft of the shared tables. */
export function platformUnit(draft: Draft<PlatformTables>): PlatformUnit {
  return {
    tenants: tenants(draft),
    users: users(draft),
    claims: claims(draft),
    events: events(draft),
  };
}

function events(draft: Draft<PlatformTables>): PlatformEventRepository {
  return {
    add: (event) => {
      if (draft.read("events").has(event.id)) {
        return fail(RookeryErrors.conflict("audit_event", "An event with this id exists."));
      }
      const row = stored(event);
      draft.write("events").set(row.id, row);
      return ok(row);
    },
    list: (query) => ok(paginate(draft.read("events").values(), (e) => e.id, query)),
    remove: (id) => ok(draft.read("events").has(id) && draft.write("events").delete(id)),
  };
}

function tenants(draft: Draft<PlatformTables>): TenantRepository {
  return {
    insert: (tenant) => {
      if (draft.read("tenants").has(tenant.id)) {
        return fail(RookeryErrors.conflict("tenant", "A tenant with this id exists."));
      }
      const row = stored(tenant);
      draft.write("tenants").set(row.id, row);
      return ok(row);
    },
    get: (id) => ok(draft.read("tenants").get(id) ?? null),
    list: (query) => {
      const rows = [...draft.read("tenants").values()].filter(
        (t) => query.status === undefined || t.status === query.status,
      );
      return ok(paginate(rows, (t) => t.id, query));
    },
    update: (id, patch) => {
      const current = draft.read("tenants").get(id);
      if (current === undefined) return fail(RookeryErrors.notFound("tenant"));
      const row: Tenant = stored({ ...current, ...definedOnly(patch) });
      draft.write("tenants").set(id, row);
      return ok(row);
    },
    remove: (id) => {
      if (!draft.read("tenants").has(id)) return ok(false);
      draft.write("tenants").delete(id);
      // Claims reference the tenant: they go with it, as a cascading foreign key would.
      const claimsTable = draft.write("claims");
      for (const [userId, claim] of claimsTable) {
        if (claim.tenantId === id) claimsTable.delete(userId);
      }
      return ok(true);
    },
  };
}

function users(draft: Draft<PlatformTables>): UserRepository {
  const taken = (index: "emails" | "subjects", key: string | null, by: string) => {
    const owner = key === null ? undefined : draft.read(index).get(key);
    return owner !== undefined && owner !== by;
  };
  /** Moves a user's entry in a unique index from the old key to the new one. */
  const reindex = (
    index: "emails" | "subjects",
    from: string | null,
    to: string | null,
    id: string,
  ) => {
    if (from === to) return;
    const table = draft.write(index);
    if (from !== null) table.delete(from);
    if (to !== null) table.set(to, id);
  };
  return {
    insert: (user) => {
      if (draft.read("users").has(user.id)) {
        return fail(RookeryErrors.conflict("user", "A user with this id exists."));
      }
      if (draft.read("emails").has(user.email)) {
        return fail(RookeryErrors.conflict("user", "A user with this e-mail exists."));
      }
      if (taken("subjects", user.subject, user.id)) {
        return fail(RookeryErrors.conflict("user", "A user with this subject exists."));
      }
      const row = stored(user);
      draft.write("users").set(row.id, row);
      reindex("emails", null, row.email, row.id);
      reindex("subjects", null, row.subject, row.id);
      return ok(row);
    },
    get: (id) => ok(draft.read("users").get(id) ?? null),
    getMany: (ids) =>
      ok([...new Set(ids)].sort().flatMap((id) => draft.read("users").get(id) ?? [])),
    getByEmail: (email) => {
      const id = draft.read("emails").get(email.toLowerCase());
      return ok(id === undefined ? null : (draft.read("users").get(id) ?? null));
    },
    getBySubject: (subject) => {
      const id = draft.read("subjects").get(subject);
      return ok(id === undefined ? null : (draft.read("users").get(id) ?? null));
    },
    update: (id, patch) => {
      const current = draft.read("users").get(id);
      if (current === undefined) return fail(RookeryErrors.notFound("user"));
      const row: User = stored({ ...current, ...definedOnly(patch) });
      if (taken("emails", row.email, id)) {
        return fail(RookeryErrors.conflict("user", "A user with this e-mail exists."));
      }
      if (taken("subjects", row.subject, id)) {
        return fail(RookeryErrors.conflict("user", "A user with this subject exists."));
      }
      reindex("emails", current.email, row.email, id);
      reindex("subjects", current.subject, row.subject, id);
      draft.write("users").set(id, row);
      return ok(row);
    },
    remove: (id) => {
      const current = draft.read("users").get(id);
      if (current === undefined) return ok(false);
      draft.write("users").delete(id);
      reindex("emails", current.email, null, id);
      reindex("subjects", current.subject, null, id);
      draft.write("claims").delete(id);
      return ok(true);
    },
  };
}

function claims(draft: Draft<PlatformTables>): TenantClaimRepository {
  return {
    claim: (claim) => {
      if (!draft.read("tenants").has(claim.tenantId)) {
        return fail(RookeryErrors.notFound("tenant"));
      }
      if (!draft.read("users").has(claim.userId)) return fail(RookeryErrors.notFound("user"));
      const held = draft.read("claims").get(claim.userId);
      if (held !== undefined) {
        return held.tenantId === claim.tenantId
          ? ok(held)
          : fail(RookeryErrors.conflict("user", "The user already belongs to a tenant."));
      }
      const row = stored(claim);
      draft.write("claims").set(row.userId, row);
      return ok(row);
    },
    get: (userId) => ok(draft.read("claims").get(userId) ?? null),
    release: (userId, tenantId) => {
      if (draft.read("claims").get(userId)?.tenantId !== tenantId) return ok(false);
      draft.write("claims").delete(userId);
      return ok(true);
    },
    releaseAll: (tenantId) => {
      const released: UserId[] = [];
      for (const [userId, claim] of draft.read("claims")) {
        if (claim.tenantId === tenantId) {
          draft.write("claims").delete(userId);
          released.push(userId as UserId);
        }
      }
      return ok(released.sort());
    },
  };
}

/** Drops `undefined` members of a patch, so an absent field keeps its stored value. */
function definedOnly<T extends object>(patch: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
