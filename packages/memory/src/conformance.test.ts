import { type InspectedTable, runAdapterConformance } from "@rookery/testing";
import { type MemoryAdapter, memoryAdapter } from "./index.js";

/** Where each inspected table lives in a snapshot: shared, or in every tenant's partition. */
const LOCATION: Record<InspectedTable, { readonly platform: boolean; readonly name: string }> = {
  tenants: { platform: true, name: "tenants" },
  users: { platform: true, name: "users" },
  claims: { platform: true, name: "claims" },
  memberships: { platform: false, name: "memberships" },
  workspaces: { platform: false, name: "workspaces" },
  assignments: { platform: false, name: "assignments" },
  subscriptions: { platform: false, name: "subscription" },
  tenant_settings: { platform: false, name: "tenantSettings" },
  workspace_settings: { platform: false, name: "workspaceSettings" },
  resources: { platform: false, name: "resources" },
  invitations: { platform: false, name: "invitations" },
  audit_events: { platform: false, name: "audit" },
  delivered_events: { platform: false, name: "delivered" },
  platform_events: { platform: true, name: "events" },
};

function rowsOf(adapter: MemoryAdapter, table: InspectedTable): Record<string, unknown>[] {
  const snapshot = adapter.snapshot() as unknown as {
    platform: Record<string, [string, Record<string, unknown>][]>;
    tenants: Record<string, Record<string, [string, unknown][]>>;
  };
  const { platform, name } = LOCATION[table];
  if (table === "delivered_events") {
    // Marks are kept apart from the events, keyed by event id: rows in the inspector's shape.
    return Object.entries(snapshot.tenants).flatMap(([tenantId, tables]) =>
      (tables[name] ?? []).map(([id, deliveredAt]) => ({ tenantId, id, deliveredAt })),
    );
  }
  const tables = platform ? [snapshot.platform] : Object.values(snapshot.tenants);
  return tables.flatMap((tablesOfOne) =>
    (tablesOfOne[name] ?? []).map(([, row]) => row as Record<string, unknown>),
  );
}

// #region prove
runAdapterConformance({
  name: "memory",
  createHarness: () => {
    const adapter = memoryAdapter();
    return { adapter, inspect: { rows: async (table) => rowsOf(adapter, table) } };
  },
});
// #endregion prove
