import type {
  AuditEvent,
  Membership,
  Resource,
  Subscription,
  Tenant,
  User,
  Workspace,
  WorkspaceAssignment,
} from "@rookery/core";
import type {
  InvitationRecord,
  TenantClaim,
  TenantSettings,
  WorkspaceSettings,
} from "@rookery/core/adapter";
import { emptyTable, type Table } from "./tables.js";

/** The shared (platform) tables. */
export interface PlatformTables {
  readonly tenants: Table<Tenant>;
  readonly users: Table<User>;
  /** E-mail to user id: the unique index that makes duplicate e-mails impossible. */
  readonly emails: Table<string>;
  /** Subject to user id: the unique index of the application's identities. */
  readonly subjects: Table<string>;
  readonly claims: Table<TenantClaim>;
  /** The shared outbox: events of platform changes, until they are in their tenants' logs. */
  readonly events: Table<AuditEvent>;
}

/**
 * One tenant's tables. Each tenant has its own partition, and a tenant unit
 * of work is handed only its own: another tenant's rows are out of reach by
 * construction, not by a filter that could be forgotten.
 */
export interface TenantTables {
  readonly memberships: Table<Membership>;
  readonly workspaces: Table<Workspace>;
  /** Keyed `workspaceId/userId`. */
  readonly assignments: Table<WorkspaceAssignment>;
  /** At most one row, under the key `subscription`. */
  readonly subscription: Table<Subscription>;
  /** At most one row, under the key `settings`. */
  readonly tenantSettings: Table<TenantSettings>;
  readonly workspaceSettings: Table<WorkspaceSettings>;
  /** Keyed `type/id`. */
  readonly resources: Table<Resource>;
  readonly invitations: Table<InvitationRecord>;
  readonly audit: Table<AuditEvent>;
  /** Audit event id to when it was delivered: the outbox's marks, apart from the events. */
  readonly delivered: Table<string>;
}

export const emptyPlatform = (): PlatformTables => ({
  tenants: emptyTable(),
  users: emptyTable(),
  emails: emptyTable(),
  subjects: emptyTable(),
  claims: emptyTable(),
  events: emptyTable(),
});

export const emptyTenant = (): TenantTables => ({
  memberships: emptyTable(),
  workspaces: emptyTable(),
  assignments: emptyTable(),
  subscription: emptyTable(),
  tenantSettings: emptyTable(),
  workspaceSettings: emptyTable(),
  resources: emptyTable(),
  invitations: emptyTable(),
  audit: emptyTable(),
  delivered: emptyTable(),
});

export const assignmentKey = (workspaceId: string, userId: string) => `${workspaceId}/${userId}`;
export const resourceKey = (type: string, id: string) => `${type}/${id}`;
export const SINGLE_ROW = "row";
