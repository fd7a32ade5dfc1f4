import type { Tenant, TenantId } from "@rookery/core";
import {
  lazyTenantUnit,
  type PurgeCounts,
  type TenantDataRepositoryName,
  type TenantUnit,
} from "@rookery/core/adapter";
import { firstOrNull } from "../sql/rows.js";
import type { UnitSession } from "../sql/unit-session.js";
import { settingsRepository, subscriptionRepository } from "./account.js";
import { readActor } from "./actor.js";
import { assignmentRepository } from "./assignments.js";
import { auditRepository } from "./audit.js";
import { invitationRepository } from "./invitations.js";
import { membershipRepository } from "./memberships.js";
import { TENANT_COLUMNS } from "./platform-tenants.js";
import { resourceRepository } from "./resources.js";
import type { TenantScope } from "./tenant-scope.js";
import { workspaceRepository } from "./workspaces.js";

/** Every tenant-owned table, emptied by purge in one statement. */
const PURGE = `WITH m AS (DELETE FROM users.tenant_users WHERE tenant_id = $1::uuid RETURNING deleted),
  x AS (DELETE FROM public.rookery_workspace_assignments WHERE tenant_id = $1::uuid),
  r AS (DELETE FROM public.rookery_resources WHERE tenant_id = $1::uuid RETURNING 1),
  ws AS (DELETE FROM public.rookery_workspace_settings WHERE tenant_id = $1::uuid),
  w AS (DELETE FROM public.rookery_workspaces WHERE tenant_id = $1::uuid RETURNING 1),
  sub AS (DELETE FROM public.rookery_subscriptions WHERE tenant_id = $1::uuid),
  ts AS (DELETE FROM public.rookery_tenant_settings WHERE tenant_id = $1::uuid),
  inv AS (DELETE FROM public.rookery_invitations WHERE tenant_id = $1::uuid),
  a AS (DELETE FROM public.rookery_audit_events WHERE tenant_id = $1::uuid RETURNING 1)
SELECT (SELECT pg_catalog.count(*) FROM m WHERE deleted IS NULL)::int AS memberships,
       (SELECT pg_catalog.count(*) FROM w)::int AS workspaces, (SELECT pg_catalog.count(*) FROM r)::int AS resources,
       (SELECT pg_catalog.count(*) FROM a)::int AS "auditEvents"`;

const REPOSITORIES: {
  readonly [K in TenantDataRepositoryName]: (scope: TenantScope) => TenantUnit[K];
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

/** The tenant unit over one transaction whose context is `tenantId`. */
export function tenantUnit(s: UnitSession, tenantId: TenantId): TenantUnit {
  const scope: TenantScope = { s, tenantId };
  return lazyTenantUnit(
    {
      tenantId,
      // A read of the shared tenants table: allowed in a tenant transaction on NileDB.
      tenant: {
        get: () =>
          s
            .rows(`SELECT ${TENANT_COLUMNS} FROM public.tenants WHERE id = $1::uuid`, [tenantId])
            .map(firstOrNull<Tenant>),
      },
      actor: (userId) => readActor(s, tenantId, userId),
      // The application's own statements, in this transaction and tenant
      // context, one at a time and each checked.
      query: (text, values) => s.appRows(text, values),
      purge: () =>
        s
          .rows<{
            memberships: number;
            workspaces: number;
            resources: number;
            auditEvents: number;
          }>(PURGE, [tenantId])
          .map(
            ([row]): PurgeCounts =>
              row ?? { memberships: 0, workspaces: 0, resources: 0, auditEvents: 0 },
          ),
    },
    (name) => REPOSITORIES[name](scope),
  );
}
