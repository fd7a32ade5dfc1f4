import { err, ok, type ResultAsync, safeTry } from "neverthrow";
import { z } from "zod";
import { type RookeryError, RookeryErrors } from "../errors.js";
import { TenantId, type UserId } from "../ids.js";
import { type Page, PageRequest } from "../model/page.js";
import type { Tenant } from "../model/tenant.js";
import { parseWith } from "../parse.js";
import type { PurgeCounts } from "../port/tenant-unit.js";
import { nowIso, type TenancyEnv } from "./env.js";
import { type ProvisionedTenant, type ProvisionInput, provisionTenant } from "./provision.js";
import { writeAudit } from "./scoped.js";
import { exportTenant, type TenantExport } from "./tenant-export.js";

/**
 * Operator actions across tenants. Kept apart from user scopes on purpose:
 * nothing here acts as a user, and every tenant is named explicitly.
 */
export interface PlatformHandle {
  provisionTenant(input: ProvisionInput): ResultAsync<ProvisionedTenant, RookeryError>;
  /** NOT_FOUND for a tenant still provisioning or already purged. */
  getTenant(tenantId: string): ResultAsync<Tenant, RookeryError>;
  listTenants(query?: TenantListQuery): ResultAsync<Page<Tenant>, RookeryError>;
  /** Its users can no longer act until it is reactivated. */
  suspendTenant(tenantId: string): ResultAsync<Tenant, RookeryError>;
  reactivateTenant(tenantId: string): ResultAsync<Tenant, RookeryError>;
  /** Soft-deletes the tenant; its data is kept for the retention period, then may be purged. */
  offboardTenant(tenantId: string): ResultAsync<Tenant, RookeryError>;
  exportTenant(tenantId: string): ResultAsync<TenantExport, RookeryError>;
  /** Deletes an offboarded tenant's data for good, once its retention has passed. */
  purgeTenant(tenantId: string): ResultAsync<PurgeCounts, RookeryError>;
}

export const TenantListQuery = PageRequest.extend({
  status: z.enum(["active", "suspended", "deleted"]).optional(),
});
export type TenantListQuery = z.input<typeof TenantListQuery>;

export function platformHandle(env: TenancyEnv): PlatformHandle {
  const visibleTenant = (rawId: string) =>
    safeTry(async function* () {
      const id = yield* parseWith(TenantId, rawId, "tenant id");
      const tenant = yield* env.adapter.platform((unit) => unit.tenants.get(id), {
        intent: "read",
      });
      return tenant === null || tenant.status === "provisioning"
        ? err(RookeryErrors.notFound("tenant"))
        : ok(tenant);
    });

  const setStatus = (
    rawId: string,
    from: readonly Tenant["status"][],
    to: Tenant["status"],
    action: string,
  ) =>
    safeTry(async function* () {
      const current = yield* visibleTenant(rawId);
      if (!from.includes(current.status)) {
        return err(
          RookeryErrors.invariant(
            `A ${current.status} tenant cannot be ${to === "active" ? "reactivated" : to}.`,
          ),
        );
      }
      return changeStatus(env, current, to, action);
    });

  return {
    provisionTenant: (input) => provisionTenant(env, input),
    getTenant: visibleTenant,
    listTenants: (raw = {}) =>
      safeTry(async function* () {
        const query = yield* parseWith(TenantListQuery, raw, "tenant query");
        const page = yield* env.adapter.platform((unit) => unit.tenants.list(query), {
          intent: "read",
        });
        // A tenant still provisioning is invisible, even to operators' listings.
        return ok({ ...page, items: page.items.filter((t) => t.status !== "provisioning") });
      }),
    suspendTenant: (id) => setStatus(id, ["active"], "suspended", "tenant.suspend"),
    reactivateTenant: (id) =>
      setStatus(id, ["suspended", "deleted"], "active", "tenant.reactivate"),
    offboardTenant: (id) => setStatus(id, ["active", "suspended"], "deleted", "tenant.offboard"),
    exportTenant: (id) => visibleTenant(id).andThen((tenant) => exportTenant(env, tenant)),
    purgeTenant: (id) =>
      safeTry(async function* () {
        const tenant = yield* visibleTenant(id);
        if (tenant.status !== "deleted" || tenant.deletedAt === null) {
          return err(RookeryErrors.invariant("Only an offboarded tenant can be purged."));
        }
        const purgeAfter = Date.parse(tenant.deletedAt) + env.retentionDays * 86_400_000;
        if (env.clock().getTime() < purgeAfter) {
          return err(
            RookeryErrors.invariant(
              `The tenant's data is kept until ${new Date(purgeAfter).toISOString()}.`,
            ),
          );
        }
        const counts = yield* env.adapter.tenant(tenant.id, (unit) => unit.purge());
        yield* env.adapter.platform((unit) =>
          unit.claims.releaseAll(tenant.id).andThen(() => unit.tenants.remove(tenant.id)),
        );
        return ok(counts);
      }),
  };
}

/**
 * Changes a tenant's status, then records it in the tenant's audit log. The
 * status lives on the shared tenant row and the log in the tenant's own
 * tables, which NileDB will not write in one transaction: the event follows
 * the change in a second unit.
 */
export function changeStatus(
  env: TenancyEnv,
  tenant: Tenant,
  status: Tenant["status"],
  action: string,
  actorId: UserId | null = null,
): ResultAsync<Tenant, RookeryError> {
  return safeTry(async function* () {
    const at = nowIso(env);
    const deletedAt = status === "deleted" ? at : null;
    const updated = yield* env.adapter.platform((unit) =>
      unit.tenants.update(tenant.id, { status, deletedAt, updatedAt: at }),
    );
    yield* env.adapter.tenant(tenant.id, (unit) =>
      writeAudit(env, unit, actorId, {
        action,
        target: { type: "tenant", id: tenant.id },
        before: { status: tenant.status },
        after: { status },
      }),
    );
    return ok(updated);
  });
}
