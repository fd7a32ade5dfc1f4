import type { MemoryAdapter } from "@rookery/memory";
import type { InspectedTable } from "@rookery/testing";
import { canonical } from "../support/normalise.js";

export type Row = Readonly<Record<string, unknown>>;

/** Everything a store holds, table by table, in the model's shape (as the conformance suite reads it). */
export type StoreState = Readonly<Record<InspectedTable, readonly Row[]>>;

export const TABLES: readonly InspectedTable[] = [
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

/** Where each table lives in a memory snapshot: the shared tables, or each tenant's partition. */
const IN_SNAPSHOT: Record<InspectedTable, { readonly shared: boolean; readonly name: string }> = {
  tenants: { shared: true, name: "tenants" },
  users: { shared: true, name: "users" },
  claims: { shared: true, name: "claims" },
  memberships: { shared: false, name: "memberships" },
  workspaces: { shared: false, name: "workspaces" },
  assignments: { shared: false, name: "assignments" },
  subscriptions: { shared: false, name: "subscription" },
  tenant_settings: { shared: false, name: "tenantSettings" },
  workspace_settings: { shared: false, name: "workspaceSettings" },
  resources: { shared: false, name: "resources" },
  invitations: { shared: false, name: "invitations" },
  audit_events: { shared: false, name: "audit" },
  delivered_events: { shared: false, name: "delivered" },
  platform_events: { shared: true, name: "events" },
};

type SnapshotTables = Record<string, readonly [string, Row][]>;

/** A snapshot as plain tables; `partitions` keeps which tenant's partition each row came from. */
export function memoryState(adapter: MemoryAdapter): {
  readonly state: StoreState;
  readonly partitions: ReadonlyMap<string, StoreState>;
} {
  const snapshot = adapter.snapshot() as unknown as {
    platform: SnapshotTables;
    tenants: Record<string, SnapshotTables>;
  };
  const partitions = new Map<string, StoreState>();
  for (const [tenantId, tables] of Object.entries(snapshot.tenants)) {
    partitions.set(tenantId, collect(null, [[tenantId, tables]]));
  }
  return { state: collect(snapshot.platform, Object.entries(snapshot.tenants)), partitions };
}

/** The shared tables from `platform` (none without it), the tenant tables from every partition. */
function collect(
  platform: SnapshotTables | null,
  tenants: readonly (readonly [string, SnapshotTables])[],
): StoreState {
  const rows = (tables: SnapshotTables, name: string) => (tables[name] ?? []).map(([, row]) => row);
  const state = {} as Record<InspectedTable, Row[]>;
  for (const table of TABLES) {
    const { shared, name } = IN_SNAPSHOT[table];
    state[table] = shared
      ? platform === null
        ? []
        : rows(platform, name)
      : tenants.flatMap(([tenantId, tables]) =>
          // The delivery marks are kept by event id, apart from the events: rows as the inspector's.
          table === "delivered_events"
            ? (tables[name] ?? []).map(([id, deliveredAt]) => ({ tenantId, id, deliveredAt }))
            : rows(tables, name),
        );
  }
  return state;
}

/** Each table's rows as canonical text, sorted: two stores hold the same iff these are equal. */
function canonicalState(state: StoreState): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const table of TABLES) out[table] = state[table].map(canonical).sort();
  return out;
}

/** The first differences between two stores' states, one line each. */
export function stateDifferences(a: StoreState, b: StoreState, limit = 6): string[] {
  const x = canonicalState(a);
  const y = canonicalState(b);
  const lines: string[] = [];
  for (const table of TABLES) {
    const left = new Set(x[table]);
    const right = new Set(y[table]);
    for (const row of x[table] ?? [])
      if (!right.has(row)) lines.push(`${table}: only in the first: ${row}`);
    for (const row of y[table] ?? [])
      if (!left.has(row)) lines.push(`${table}: only in the second: ${row}`);
  }
  return lines.slice(0, limit);
}

export function rowCount(state: StoreState): number {
  return TABLES.reduce((sum, table) => sum + state[table].length, 0);
}
