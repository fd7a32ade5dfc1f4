import type { RookeryAdapter } from "@rookery/core";

/** The stored tables the conformance suite reads back independently of the adapter. */
export type InspectedTable =
  | "tenants"
  | "users"
  | "claims"
  | "memberships"
  | "workspaces"
  | "assignments"
  | "subscriptions"
  | "tenant_settings"
  | "workspace_settings"
  | "resources"
  | "invitations"
  | "audit_events"
  /** The delivery marks of audit events: `{ tenantId, id, deliveredAt }` per delivered event. */
  | "delivered_events"
  /** The shared outbox of platform changes' events (audit event rows). */
  | "platform_events";

/**
 * An independent view of what the store holds, bypassing the adapter's units
 * of work and their tenant scoping: for SQL a privileged raw query, for the
 * in-memory adapter a snapshot. Rows come back in the model's shape
 * (camelCase fields, ISO timestamps), across all tenants.
 */
export interface StoreInspector {
  rows(table: InspectedTable): Promise<readonly Record<string, unknown>[]>;
}

/** One fresh, empty store for one test. */
export interface ConformanceHarness {
  readonly adapter: RookeryAdapter;
  readonly inspect: StoreInspector;
  /** Called after the test; closes what the harness opened. */
  cleanup?(): Promise<void>;
}

/**
 * What `runAdapterConformance` takes: the adapter's name, a harness per test, and opt-outs with
 * their reasons.
 */
export interface ConformanceOptions {
  /** Names the adapter in the test titles. */
  readonly name: string;
  /** Makes a fresh, empty store for every test. */
  readonly createHarness: () => Promise<ConformanceHarness> | ConformanceHarness;
  /**
   * Tests this adapter opts out of, by their full title (`group > test`), each
   * with the reason. An opted-out test is reported as skipped with its reason
   * in the title, never silently dropped.
   */
  readonly optOut?: Readonly<Record<string, string>>;
}
