import { err, ok, type Result, type ResultAsync, safeTry } from "neverthrow";
import { z } from "zod";
import { type RookeryError, RookeryErrors } from "../errors.js";
import { TenantId, type UserId } from "../ids.js";
import { OperatorName } from "../model/common.js";
import { type Page, PageRequest } from "../model/page.js";
import type { Tenant } from "../model/tenant.js";
import type { User } from "../model/user.js";
import { parseField, parseWith } from "../parse.js";
import type { PurgeCounts } from "../port/tenant-unit.js";
import { nowIso, type TenancyEnv } from "./env.js";
import { auditEvent } from "./outbox.js";
import { type ProvisionedTenant, type ProvisionInput, provisionTenant } from "./provision.js";
import {
  type ProvisioningSweepInput,
  type ProvisioningSweepReport,
  sweepProvisioning,
} from "./provisioning-sweep.js";
import { retryUnavailable } from "./retry.js";
import { exportTenant, readAll, type TenantExport } from "./tenant-export.js";
import {
  FindUserInput,
  findUser,
  type PlatformUser,
  RegisterUserInput,
  registerIn,
} from "./users.js";

/**
 * Operator actions across tenants. Kept apart from user scopes on purpose:
 * nothing here acts as a user, and every tenant is named explicitly.
 */
export interface PlatformHandle {
  /**
   * This handle as the operator the application names (a staff e-mail, a
   * job's name): every change made through it records them, in the audit log
   * and its events (`operator`). The plain `tenancy.platform` records none.
   * VALIDATION for a name that is blank or over 255 characters.
   */
  operatedBy(operator: string): Result<PlatformHandle, RookeryError>;
  /**
   * Records a person who signed up in the application's authentication, so
   * that `tenancy.as({ subject })`, signup and invitations know them. They
   * belong to no tenant. Idempotent: the same subject and e-mail answer the
   * same user; a subject is attached to a user known so far only by that
   * e-mail. CONFLICT (`user`) when the subject is registered with another
   * e-mail or the e-mail with another subject. Pass only an e-mail your
   * authentication has verified: registering attaches the subject to it.
   */
  registerUser(input: RegisterUserInput): ResultAsync<User, RookeryError>;
  /** A user by id, e-mail or subject, with the tenant that holds them. NOT_FOUND (`user`). */
  findUser(by: FindUserInput): ResultAsync<PlatformUser, RookeryError>;
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
  /**
   * Housekeeping for signups whose process died midway (and whose undo never
   * ran): tenants still `provisioning` after `olderThanSeconds` (an hour by
   * default) are published when their own rows were all written, and removed
   * with their claims otherwise, so their owners are free again. Run it
   * periodically; it reads only the tenants in `provisioning`.
   */
  sweepProvisioning(
    options?: ProvisioningSweepInput,
  ): ResultAsync<ProvisioningSweepReport, RookeryError>;
  /**
   * Deletes an offboarded tenant's data for good, once its retention has passed:
   * its own rows, its claims, its members' user rows and the tenant row.
   */
  purgeTenant(tenantId: string): ResultAsync<PurgeReport, RookeryError>;
}

/** What a purge removed. */
export interface PurgeReport extends PurgeCounts {
  readonly users: number;
}

/** A page of tenants, optionally of one status. */
export const TenantListQuery = PageRequest.extend({
  status: z.enum(["active", "suspended", "deleted"]).optional(),
});
/** A page of tenants, optionally of one status. */
export type TenantListQuery = z.input<typeof TenantListQuery>;

/** Who acts through a platform handle: nobody named, or the operator the application named. */
interface Acting {
  readonly actorId: UserId | null;
  readonly operator: string | null;
}

export function platformHandle(env: TenancyEnv, operator: string | null = null): PlatformHandle {
  const by: Acting = { actorId: null, operator };
  const visibleTenant = (rawId: string) =>
    safeTry(async function* () {
      const id = yield* parseField(TenantId, rawId, "tenantId");
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
      return changeStatus(env, current, to, action, by);
    });

  return {
    registerUser: (raw) =>
      parseWith(RegisterUserInput, raw, "user").asyncAndThen((input) =>
        env.adapter.platform((unit) => registerIn(env, unit, input)).map((r) => r.user),
      ),
    findUser: (raw) =>
      parseWith(FindUserInput, raw, "user lookup").asyncAndThen((by) => findUser(env, by)),
    provisionTenant: (input) => provisionTenant(env, input, operator),
    sweepProvisioning: (raw = {}) => sweepProvisioning(env, raw, operator),
    operatedBy: (raw) =>
      parseField(OperatorName, raw, "operator").map((name) => platformHandle(env, name)),
    getTenant: visibleTenant,
    listTenants: (raw = {}) =>
      safeTry(async function* () {
        const query = yield* parseWith(TenantListQuery, raw, "tenant query");
        // Tenants still provisioning are invisible: skip them, and read on so a page stays full.
        const items: Tenant[] = [];
        let after = query.after;
        for (;;) {
          const page = yield* env.adapter.platform(
            (unit) => unit.tenants.list({ ...query, after }),
            { intent: "read" },
          );
          for (const [index, tenant] of page.items.entries()) {
            if (tenant.status === "provisioning") continue;
            items.push(tenant);
            if (items.length === query.limit) {
              const more = page.next !== null || index < page.items.length - 1;
              return ok({ items, next: more ? tenant.id : null });
            }
          }
          if (page.next === null) return ok({ items, next: null });
          after = page.next;
        }
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
        // Deliver what is still pending while the log exists: the purge removes it.
        await env.events.flushTenant(tenant.id);
        const { counts, memberIds } = yield* env.adapter.tenant(tenant.id, (unit) =>
          safeTry(async function* () {
            const memberIds = (yield* readAll((q) => unit.memberships.list(q))).map(
              (m) => m.userId,
            );
            return ok({ counts: yield* unit.purge(), memberIds });
          }),
        );
        // The members' user rows are personal data of this tenant's people: they go too,
        // unless a person has since joined another tenant. The people are those the tenant
        // still claims as well as its members: after a purge stopped between its two units,
        // the members' rows are gone but the claims still name them, so a retry finds them.
        // Idempotent, so a connection lost on the way is retried at once.
        const users = yield* retryUnavailable(() =>
          env.adapter.platform((unit) =>
            safeTry(async function* () {
              const released = yield* unit.claims.releaseAll(tenant.id);
              let removed = 0;
              for (const userId of new Set([...memberIds, ...released])) {
                const claim = yield* unit.claims.get(userId);
                if (claim === null) {
                  if (yield* unit.users.remove(userId)) removed += 1;
                }
              }
              yield* unit.tenants.remove(tenant.id);
              // The tenant's log is gone with it: its last event is delivered from the shared
              // outbox, and names nothing but ids, since the purge removed the tenant's data.
              yield* unit.events.add(
                auditEvent(
                  env,
                  tenant.id,
                  null,
                  { action: "tenant.purge", target: { type: "tenant", id: tenant.id } },
                  operator,
                ),
              );
              return ok(removed);
            }),
          ),
        );
        return ok({ ...counts, users });
      }),
  };
}

/**
 * Changes a tenant's status and records the change, in one platform unit: the
 * status lives on the shared tenant row, which no unit may write together with
 * the tenant's own audit log, so the event goes to the shared outbox in the
 * same unit, and is copied into the tenant's log once the unit committed (or
 * by the sweep, if the process dies first). The change and its event are
 * durable together.
 */
export function changeStatus(
  env: TenancyEnv,
  tenant: Tenant,
  status: Tenant["status"],
  action: string,
  by: Acting,
): ResultAsync<Tenant, RookeryError> {
  const at = nowIso(env);
  const deletedAt = status === "deleted" ? at : null;
  return env.adapter.platform((unit) =>
    unit.tenants.update(tenant.id, { status, deletedAt, updatedAt: at }).andThen((updated) =>
      unit.events
        .add(
          auditEvent(
            env,
            tenant.id,
            by.actorId,
            {
              action,
              target: { type: "tenant", id: tenant.id },
              before: { status: tenant.status },
              after: { status },
            },
            by.operator,
          ),
        )
        .map(() => updated),
    ),
  );
}
