import type { Clock, IdGenerator } from "@rookery/core";
import {
  AuditEvent,
  AuditEventId,
  InvitationId,
  InvitationRecord,
  Membership,
  Resource,
  ResourceId,
  Subscription,
  Tenant,
  TenantClaim,
  TenantId,
  TenantSettings,
  User,
  UserId,
  Workspace,
  WorkspaceAssignment,
  WorkspaceId,
  WorkspaceSettings,
} from "@rookery/core/adapter";
import { manualClock, sequentialIds } from "./deterministic.js";

export interface FixtureOptions {
  /** Defaults to `sequentialIds()`, so every run produces the same ids in the same order. */
  readonly ids?: IdGenerator;
  /** Defaults to a manual clock standing still at 2026-01-01. */
  readonly clock?: Clock;
}

/** Fields a tenant-owned row cannot be built without. */
type Owned<T, Required extends keyof T> = Pick<T, Required> & Partial<T>;

/** Builders of valid model rows; every row is parsed by its core schema, so it is what a service would store. */
export interface Fixtures {
  /** The fixture clock's current time as an ISO string. */
  now(): string;
  tenantId(): TenantId;
  userId(): UserId;
  workspaceId(): WorkspaceId;
  resourceId(): ResourceId;
  invitationId(): InvitationId;
  auditEventId(): AuditEventId;
  tenant(overrides?: Partial<Tenant>): Tenant;
  user(overrides?: Partial<User>): User;
  claim(overrides: Owned<TenantClaim, "tenantId" | "userId">): TenantClaim;
  membership(overrides: Owned<Membership, "tenantId" | "userId">): Membership;
  workspace(overrides: Owned<Workspace, "tenantId">): Workspace;
  assignment(
    overrides: Owned<WorkspaceAssignment, "tenantId" | "workspaceId" | "userId">,
  ): WorkspaceAssignment;
  subscription(overrides: Owned<Subscription, "tenantId">): Subscription;
  tenantSettings(overrides: Owned<TenantSettings, "tenantId">): TenantSettings;
  workspaceSettings(
    overrides: Owned<WorkspaceSettings, "tenantId" | "workspaceId">,
  ): WorkspaceSettings;
  /** A tenant-scoped `campaign` unless `type` / `workspaceId` say otherwise. */
  resource(overrides: Owned<Resource, "tenantId">): Resource;
  auditEvent(overrides: Owned<AuditEvent, "tenantId">): AuditEvent;
  /** A pending invitation of a member, expiring a week after the fixture clock's now. */
  invitation(overrides: Owned<InvitationRecord, "tenantId" | "invitedBy">): InvitationRecord;
}

/** Builders of valid model rows with deterministic ids and time: for tests below the services. */
export function fixtures(options: FixtureOptions = {}): Fixtures {
  const ids = options.ids ?? sequentialIds();
  const clock = options.clock ?? manualClock().now;
  const now = () => clock().toISOString();
  const stamps = () => {
    const at = now();
    return { createdAt: at, updatedAt: at };
  };
  // The id's tail keeps default names and e-mails unique without a second counter.
  const tail = (id: string) => id.slice(-6);

  return {
    now,
    tenantId: () => TenantId.parse(ids()),
    userId: () => UserId.parse(ids()),
    workspaceId: () => WorkspaceId.parse(ids()),
    resourceId: () => ResourceId.parse(ids()),
    invitationId: () => InvitationId.parse(ids()),
    auditEventId: () => AuditEventId.parse(ids()),
    tenant: (overrides = {}) => {
      const id = overrides.id ?? ids();
      return Tenant.parse({
        id,
        name: `Tenant ${tail(id)}`,
        status: "active",
        deletedAt: null,
        ...stamps(),
        ...overrides,
      });
    },
    user: (overrides = {}) => {
      const id = overrides.id ?? ids();
      return User.parse({
        id,
        email: `user-${tail(id)}@example.com`,
        name: `User ${tail(id)}`,
        subject: null,
        ...stamps(),
        ...overrides,
      });
    },
    claim: (overrides) => TenantClaim.parse({ claimedAt: now(), ...overrides }),
    membership: (overrides) => Membership.parse({ role: "member", ...stamps(), ...overrides }),
    workspace: (overrides) => {
      const id = overrides.id ?? ids();
      return Workspace.parse({
        id,
        name: `Workspace ${tail(id)}`,
        status: "active",
        ...stamps(),
        ...overrides,
      });
    },
    assignment: (overrides) => WorkspaceAssignment.parse({ createdAt: now(), ...overrides }),
    subscription: (overrides) =>
      Subscription.parse({
        plan: "starter",
        status: "active",
        limits: { seats: 5, workspaces: 3 },
        ...stamps(),
        ...overrides,
      }),
    tenantSettings: (overrides) => TenantSettings.parse({ values: {}, ...stamps(), ...overrides }),
    workspaceSettings: (overrides) =>
      WorkspaceSettings.parse({ values: {}, ...stamps(), ...overrides }),
    resource: (overrides) =>
      Resource.parse({
        id: overrides.id ?? ids(),
        type: "campaign",
        workspaceId: null,
        data: { subject: "Hello" },
        version: 1,
        createdBy: null,
        ...stamps(),
        ...overrides,
      }),
    auditEvent: (overrides) =>
      AuditEvent.parse({
        id: overrides.id ?? ids(),
        actorId: null,
        operator: null,
        action: "tenant.update",
        target: { type: "tenant", id: overrides.tenantId },
        before: null,
        after: null,
        at: now(),
        ...overrides,
      }),
    invitation: (overrides) => {
      const id = overrides.id ?? ids();
      return InvitationRecord.parse({
        id,
        email: `invitee-${tail(id)}@example.com`,
        role: "member",
        workspaceIds: [],
        status: "pending",
        expiresAt: new Date(clock().getTime() + 7 * 86_400_000).toISOString(),
        acceptedBy: null,
        secretHash: "0".repeat(64),
        ...stamps(),
        ...overrides,
      });
    },
  };
}
