import { okAsync } from "neverthrow";
import { describe, expect, it } from "vitest";
import {
  lazyTenantUnit,
  type MakeRepository,
  type TenantDataRepositoryName,
  type TenantUnit,
} from "../adapter.js";
import type { TenantId, UserId } from "../ids.js";

const T = "00000000-0000-7000-8000-00000000000a" as TenantId;
const U = "00000000-0000-7000-8000-0000000000b1" as UserId;

const NAMES: readonly TenantDataRepositoryName[] = [
  "memberships",
  "workspaces",
  "assignments",
  "subscription",
  "settings",
  "resources",
  "invitations",
  "audit",
];

/** A maker that records what it made; each repository is a distinct object naming itself. */
function recordingMaker() {
  const made: TenantDataRepositoryName[] = [];
  const make = ((name: TenantDataRepositoryName) => {
    made.push(name);
    return { name };
  }) as unknown as MakeRepository;
  return { made, make };
}

const rest = {
  tenantId: T,
  tenant: { get: () => okAsync(null) },
  purge: () => okAsync({ memberships: 0, workspaces: 0, resources: 0, auditEvents: 0 }),
};

describe("lazyTenantUnit", () => {
  it("makes a repository when it is first read, once, and never one that is not read", () => {
    const { made, make } = recordingMaker();
    const unit = lazyTenantUnit(rest, make);
    expect(made).toEqual([]);
    const first = unit.resources;
    expect(unit.resources).toBe(first);
    expect(unit.audit).toEqual({ name: "audit" });
    expect(made).toEqual(["resources", "audit"]);
  });

  it("keeps the unit's own members as given", () => {
    const { make } = recordingMaker();
    const unit = lazyTenantUnit(rest, make);
    expect(unit.tenantId).toBe(T);
    expect(unit.tenant).toBe(rest.tenant);
    expect(unit.purge).toBe(rest.purge);
  });

  it("has no actor or query member when the store gives none, and the store's own when it does", () => {
    const { make } = recordingMaker();
    const bare = lazyTenantUnit(rest, make);
    expect("actor" in bare).toBe(false);
    expect("query" in bare).toBe(false);
    const actor: NonNullable<TenantUnit["actor"]> = () =>
      okAsync({ tenant: null, role: null, workspaceIds: [], subscriptionStatus: null });
    const query: NonNullable<TenantUnit["query"]> = () => okAsync([]);
    const full = lazyTenantUnit({ ...rest, actor, query }, make);
    expect(full.actor).toBe(actor);
    expect(full.query).toBe(query);
    expect(full.actor?.(U)).toBeDefined();
  });

  it("copies every repository into a spread of the unit, so a wrapper that overrides one keeps the others", () => {
    const { make } = recordingMaker();
    const unit = lazyTenantUnit(rest, make);
    const audit = { name: "replaced" } as unknown as TenantUnit["audit"];
    const wrapped: TenantUnit = { ...unit, audit };
    expect(wrapped.audit).toBe(audit);
    for (const name of NAMES.filter((n) => n !== "audit")) {
      expect(wrapped[name]).toBe(unit[name]);
    }
    expect(wrapped.tenantId).toBe(T);
  });
});
