import { penguinMails } from "@rookery/testing";
import type { Row, StoreState } from "./state.js";

/** The plan catalogue the tenancy was made with: each subscription has its plan's limits. */
type Plans = Readonly<Record<string, { readonly limits: Readonly<Record<string, number>> }>>;

/** What the store must hold besides the invariants. */
export interface Expectation {
  /** No tenant left in `provisioning` (a fault may leave one, invisible and resumable). */
  readonly settled: boolean;
  /** PenguinMails' plans unless said otherwise. */
  readonly plans?: Plans;
}

const APP = penguinMails();
const SCOPES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(APP.resources).map(([type, definition]) => [type, definition.scope]),
);

const TENANT_TABLES = [
  "memberships",
  "workspaces",
  "assignments",
  "subscriptions",
  "tenant_settings",
  "workspace_settings",
  "resources",
  "audit_events",
] as const;

/**
 * The domain's invariants, checked on a store's whole state read around the
 * adapter (a memory snapshot, or the tables read as a superuser). Each
 * violation is one line naming the rule and the row.
 */
export function invariantViolations(state: StoreState, expect: Expectation): string[] {
  const out: string[] = [];
  const fail = (rule: string, subject: unknown) => out.push(`${rule}: ${JSON.stringify(subject)}`);
  const tenants = new Map(state.tenants.map((t) => [String(t.id), t]));
  const users = new Set(state.users.map((u) => String(u.id)));
  const key = (...parts: unknown[]) => parts.map(String).join("/");
  const memberships = new Map(state.memberships.map((m) => [key(m.tenantId, m.userId), m]));
  const workspaces = new Set(state.workspaces.map((w) => key(w.tenantId, w.id)));
  const claims = new Map(state.claims.map((c) => [String(c.userId), String(c.tenantId)]));
  const ofTenant = (rows: readonly Row[], id: string) => rows.filter((r) => r.tenantId === id);

  for (const table of TENANT_TABLES) {
    for (const row of state[table]) {
      if (!tenants.has(String(row.tenantId))) fail(`${table} row of no tenant`, row);
    }
  }
  for (const [id, tenant] of tenants) {
    if (tenant.status === "provisioning") {
      if (expect.settled) fail("tenant left provisioning", id);
      continue;
    }
    const owners = ofTenant(state.memberships, id).filter((m) => m.role === "owner");
    if (owners.length !== 1) fail("one owner per tenant", { id, owners: owners.length });
    const subscriptions = ofTenant(state.subscriptions, id);
    if (subscriptions.length !== 1)
      fail("one subscription per tenant", { id, n: subscriptions.length });
    if (ofTenant(state.tenant_settings, id).length !== 1) fail("one settings row per tenant", id);
    const limits = (subscriptions[0]?.limits ?? {}) as Record<string, number>;
    const plans: Plans = expect.plans ?? APP.plans;
    const plan = Object.hasOwn(plans, String(subscriptions[0]?.plan))
      ? plans[String(subscriptions[0]?.plan)]
      : undefined;
    if (plan === undefined || JSON.stringify(plan.limits) !== JSON.stringify(limits)) {
      fail("the subscription's limits are its plan's", { id, limits });
    }
    const seats = ofTenant(state.memberships, id).length;
    if (seats > (limits.seats ?? 0)) fail("seats within the plan", { id, seats, limits });
    const spaces = ofTenant(state.workspaces, id).length;
    if (spaces > (limits.workspaces ?? 0))
      fail("workspaces within the plan", { id, spaces, limits });
  }
  const tenantsOfUser = new Map<string, number>();
  for (const m of state.memberships) {
    const user = String(m.userId);
    tenantsOfUser.set(user, (tenantsOfUser.get(user) ?? 0) + 1);
    if (claims.get(user) !== m.tenantId) fail("a membership has its user's claim", m);
    if (!users.has(user)) fail("a member has a user row", m);
  }
  for (const [user, n] of tenantsOfUser) if (n > 1) fail("one tenant per user", { user, n });
  for (const [user, tenantId] of claims) {
    const tenant = tenants.get(tenantId);
    if (tenant === undefined) fail("a claim names a tenant", { user, tenantId });
    else if (tenant.status !== "provisioning" && !memberships.has(key(tenantId, user))) {
      fail("a claim has its membership", { user, tenantId });
    }
  }
  for (const a of state.assignments) {
    if (!workspaces.has(key(a.tenantId, a.workspaceId))) fail("orphan assignment (workspace)", a);
    if (!memberships.has(key(a.tenantId, a.userId))) fail("orphan assignment (member)", a);
  }
  for (const r of state.resources) {
    const scope = SCOPES[String(r.type)];
    if (scope === undefined) fail("a resource of a declared type", r);
    if ((scope === "workspace") !== (r.workspaceId !== null)) fail("a resource in its scope", r);
    if (r.workspaceId !== null && !workspaces.has(key(r.tenantId, r.workspaceId))) {
      fail("orphan resource", r);
    }
  }
  for (const o of state.workspace_settings) {
    if (!workspaces.has(key(o.tenantId, o.workspaceId))) fail("orphan override", o);
  }
  return out;
}

/** Memory's own wall: a partition holds only rows of its tenant, and only live tenants have one. */
export function partitionViolations(
  partitions: ReadonlyMap<string, StoreState>,
  tenants: ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  for (const [tenantId, tables] of partitions) {
    if (!tenants.has(tenantId)) out.push(`a partition of no tenant: ${tenantId}`);
    for (const table of TENANT_TABLES) {
      for (const row of tables[table]) {
        if (row.tenantId !== tenantId) {
          out.push(`${table}: a row of ${String(row.tenantId)} in ${tenantId}'s partition`);
        }
      }
    }
  }
  return out;
}
