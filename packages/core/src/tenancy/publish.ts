import { err, ok, okAsync, type ResultAsync, safeTry } from "neverthrow";
import { type RookeryError, RookeryErrors } from "../errors.js";
import type { TenantId, UserId } from "../ids.js";
import type { Tenant } from "../model/tenant.js";
import type { PlatformUnit } from "../port/platform-unit.js";
import { nowIso, type TenancyEnv } from "./env.js";
import { auditEvent } from "./outbox.js";

/** What the `tenant.provision` event says about the tenant it made. */
export interface ProvisionDetails {
  readonly name: string;
  readonly plan: string;
  readonly ownerId: UserId;
}

/**
 * The last step of provisioning: the tenant turns `active`, and its
 * `tenant.provision` event is written in the same platform unit (the tenant
 * exists from here on). A tenant published meanwhile (a retry, a sweep) is
 * answered as it is, with no second event.
 */
export function publishTenant(
  env: TenancyEnv,
  tenantId: TenantId,
  details: ProvisionDetails,
  operator: string | null,
): ResultAsync<Tenant, RookeryError> {
  return env.adapter.platform((unit) =>
    safeTry(async function* () {
      const current = yield* unit.tenants.get(tenantId);
      if (current === null) return err(RookeryErrors.notFound("tenant"));
      if (current.status !== "provisioning") return ok(current);
      const tenant = yield* unit.tenants.update(tenantId, {
        status: "active",
        updatedAt: nowIso(env),
      });
      const event = auditEvent(
        env,
        tenantId,
        null,
        {
          action: "tenant.provision",
          target: { type: "tenant", id: tenantId },
          after: { name: details.name, plan: details.plan, ownerId: details.ownerId },
        },
        operator,
      );
      yield* unit.events.add(event);
      return ok(tenant);
    }),
  );
}

/**
 * Removes a tenant that never became active: its own rows first, in a unit of
 * the tenant (a store may not cascade into them, nor write them with shared
 * rows), then its claims and its row. A tenant published meanwhile is left
 * alone. `also` runs in the platform unit, for what the caller made itself.
 */
export function discardTenant(
  env: TenancyEnv,
  tenantId: TenantId,
  also: (unit: PlatformUnit) => ResultAsync<unknown, RookeryError> = () => okAsync(undefined),
): ResultAsync<boolean, RookeryError> {
  return safeTry(async function* () {
    // Best effort: if this fails, removing the row below fails too where the store
    // cannot cascade into the tenant's rows, and the tenant waits for the next sweep.
    await env.adapter.tenant(tenantId, (unit) =>
      unit.tenant
        .get()
        .andThen((tenant) =>
          tenant?.status === "provisioning"
            ? unit.purge().map(() => undefined)
            : okAsync(undefined),
        ),
    );
    return env.adapter.platform((unit) =>
      safeTry(async function* () {
        const tenant = yield* unit.tenants.get(tenantId);
        if (tenant?.status !== "provisioning") return ok(false);
        yield* unit.claims.releaseAll(tenantId);
        yield* also(unit);
        yield* unit.tenants.remove(tenantId);
        return ok(true);
      }),
    );
  });
}
