import type { Tenant } from "@rookery/core";
import type { TenantUnit } from "@rookery/core/adapter";
import { settingsRepository, subscriptionRepository } from "./account-repositories.js";
import { auditRepository } from "./audit-repository.js";
import { invitationRepository } from "./invitation-repository.js";
import { membershipRepository } from "./membership-repository.js";
import { resourceRepository } from "./resource-repository.js";
import { ok } from "./results.js";
import { emptyTenant, type TenantTables } from "./state.js";
import type { TenantContext } from "./tenant-context.js";
import { assignmentRepository, workspaceRepository } from "./workspace-repository.js";

/** The tenant unit over a draft of one tenant's partition. */
export function tenantUnit(ctx: TenantContext, readTenant: () => Tenant | null): TenantUnit {
  // Each repository is made on first use: a unit of work touches few of them.
  const lazy = <T>(make: (c: TenantContext) => T) => {
    let made: T | undefined;
    return () => {
      made ??= make(ctx);
      return made;
    };
  };
  const memberships = lazy(membershipRepository);
  const workspaces = lazy(workspaceRepository);
  const assignments = lazy(assignmentRepository);
  const subscription = lazy(subscriptionRepository);
  const settings = lazy(settingsRepository);
  const resources = lazy(resourceRepository);
  const invitations = lazy(invitationRepository);
  const audit = lazy(auditRepository);
  return {
    tenantId: ctx.tenantId,
    tenant: { get: () => ok(readTenant()) },
    get memberships() {
      return memberships();
    },
    get workspaces() {
      return workspaces();
    },
    get assignments() {
      return assignments();
    },
    get subscription() {
      return subscription();
    },
    get settings() {
      return settings();
    },
    get resources() {
      return resources();
    },
    get invitations() {
      return invitations();
    },
    get audit() {
      return audit();
    },
    purge: () => {
      const counts = {
        memberships: ctx.draft.read("memberships").size,
        workspaces: ctx.draft.read("workspaces").size,
        resources: ctx.draft.read("resources").size,
        auditEvents: ctx.draft.read("audit").size,
      };
      const empty = emptyTenant();
      for (const name of Object.keys(empty) as (keyof TenantTables)[]) {
        ctx.draft.write(name).clear();
      }
      return ok(counts);
    },
  };
}
