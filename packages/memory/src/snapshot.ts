import type { TenantId } from "@rookery/core";
import { emptyPlatform, emptyTenant, type PlatformTables, type TenantTables } from "./state.js";
import { type Table, tableOf } from "./tables.js";

type Rows<Tables> = {
  [K in keyof Tables]: [string, Tables[K] extends Table<infer R> ? R : never][];
};

/**
 * Everything the in-memory store holds, as plain data: safe to keep, compare
 * with `toEqual`, or serialise. Rows are frozen, so sharing them is safe.
 */
export interface MemorySnapshot {
  readonly platform: Rows<PlatformTables>;
  readonly tenants: Readonly<Record<TenantId, Rows<TenantTables>>>;
}

export function takeSnapshot(
  platform: PlatformTables,
  partitions: ReadonlyMap<string, TenantTables>,
): MemorySnapshot {
  const tenants: Record<string, Rows<TenantTables>> = {};
  for (const [id, tables] of partitions) tenants[id] = toRows(tables);
  return { platform: toRows(platform), tenants };
}

export function restoreSnapshot(snapshot: MemorySnapshot): {
  platform: PlatformTables;
  partitions: Map<string, TenantTables>;
} {
  const partitions = new Map<string, TenantTables>();
  for (const [id, rows] of Object.entries(snapshot.tenants)) {
    partitions.set(id, fromRows(emptyTenant(), rows as Rows<TenantTables>));
  }
  return { platform: fromRows(emptyPlatform(), snapshot.platform), partitions };
}

function toRows<Tables extends object>(tables: Tables): Rows<Tables> {
  return Object.fromEntries(
    // Sorted by key: a table's iteration order depends on its history, a snapshot's must not.
    Object.entries(tables).map(([name, table]) => [
      name,
      [...(table as Table<unknown>).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ]),
  ) as Rows<Tables>;
}

function fromRows<Tables extends object>(empty: Tables, rows: Rows<Tables>): Tables {
  const entries = Object.keys(empty).map((name) => [
    name,
    tableOf((rows as Record<string, [string, unknown][]>)[name] ?? []),
  ]);
  return Object.fromEntries(entries) as Tables;
}
