import type { Membership, Role, RookeryAdapter, TenantId, User } from "@rookery/core";
import { ok, type Result, safeTry } from "neverthrow";
import { expectOk } from "../expect-result.js";
import type { Fixtures } from "../fixtures.js";
import type { InspectedTable, StoreInspector } from "../harness.js";

export const ALL_TABLES: readonly InspectedTable[] = [
  "tenants",
  "users",
  "claims",
  "memberships",
  "workspaces",
  "assignments",
  "subscriptions",
  "tenant_settings",
  "workspace_settings",
  "resources",
  "invitations",
  "audit_events",
  "delivered_events",
  "platform_events",
];

/** Rows of a table, optionally of one tenant, read independently of the adapter's units. */
export async function rowsOf(
  inspect: StoreInspector,
  table: InspectedTable,
  tenantId?: TenantId,
): Promise<readonly Record<string, unknown>[]> {
  const rows = await inspect.rows(table);
  return tenantId === undefined ? rows : rows.filter((row) => row.tenantId === tenantId);
}

/**
 * Every row of every table in a canonical order, so "nothing changed" is one
 * deep comparison whatever order the store returns rows in.
 */
export async function storeState(
  inspect: StoreInspector,
  tenantId?: TenantId,
): Promise<Record<string, readonly string[]>> {
  const state: Record<string, readonly string[]> = {};
  for (const table of ALL_TABLES) {
    const rows = await rowsOf(inspect, table, tenantId);
    state[table] = rows.map(canonical).sort();
  }
  return state;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

/** Adds a user to a tenant the way provisioning does: user and claim, then membership. */
export async function addMember(
  adapter: RookeryAdapter,
  f: Fixtures,
  tenantId: TenantId,
  options: { readonly role?: Role; readonly name?: string } = {},
): Promise<{ user: User; membership: Membership }> {
  const user = f.user(options.name === undefined ? {} : { name: options.name });
  const claim = f.claim({ tenantId, userId: user.id });
  const membership = f.membership({ tenantId, userId: user.id, role: options.role ?? "member" });
  expectOk(
    await adapter.platform((unit) =>
      safeTry(async function* () {
        yield* unit.users.insert(user);
        yield* unit.claims.claim(claim);
        return ok(undefined);
      }),
    ),
    "adding the member's user and claim",
  );
  expectOk(
    await adapter.tenant(tenantId, (unit) => unit.memberships.insert(membership)),
    "adding the membership",
  );
  return { user, membership };
}

/** How many of a batch of concurrent units succeeded, and the codes of those that failed. */
export function tally<T, E extends { code: string }>(results: readonly Result<T, E>[]) {
  const values = results.filter((r) => r.isOk()).map((r) => r.value);
  const codes = results.filter((r) => r.isErr()).map((r) => r.error.code);
  return { succeeded: values.length, values, codes };
}

/** A page of everything: the port's largest page. */
export const ALL = { limit: 500 } as const;

/** Enough concurrent units to make a missing lock show, few enough to stay fast. */
export const RACERS = 12;
