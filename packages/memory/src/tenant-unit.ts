import type { Tenant } from "@rookery/core";
import {
  lazyTenantUnit,
  type TenantDataRepositoryName,
  type TenantUnit,
} from "@rookery/core/adapter";
import { settingsRepository, subscriptionRepository } from "./account-repositories.js";
import { auditRepository } from "./audit-repository.js";
import { invitationRepository } from "./invitation-repository.js";
import { membershipRepository } from "./membership-repository.js";
import { resourceRepository } from "./resource-repository.js";
import { ok } from "./results.js";
import { emptyTenant, type TenantTables } from "./state.js";
import type { TenantContext } from "./tenant-context.js";
import { assignmentRepository, workspaceRepository } from "./workspace-repository.js";

const REPOSITORIES: {
  readonly [K in TenantDataRepositoryName]: (ctx: TenantContext) => TenantUnit[K];
} = {
  memberships: membershipRepository,
  workspaces: workspaceRepository,
  assignments: assignmentRepository,
  subscription: subscriptionRepository,
  settings: settingsRepository,
  resources: resourceRepository,
  invitations: invitationRepository,
  audit: auditRepository,
};

/** The tenant unit over a draft of one tenant's partition. */
export function tenantUnit(ctx: TenantContext, readTenant: () => Tenant | null): TenantUnit {
  return lazyTenantUnit(
    {
      tenantId: ctx.tenantId,
      tenant: { get: () => ok(readTenant()) },
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
    },
    (name) => REPOSITORIES[name](ctx),
  );
}
