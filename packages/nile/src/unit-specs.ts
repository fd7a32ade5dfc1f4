import type { TenantId, UnitIntent, UserId } from "@rookery/core";
import type { UnitSpec } from "./sql/unit-session.js";

// Advisory-lock keys: one per tenant for its write units, one for platform
// write units. The tenant's key hashes its canonical uuid, as RLS compares
// it, so every spelling of one id takes the same lock. A hash collision only
// makes two tenants wait for each other.
const TENANT_LOCK = `pg_advisory_xact_lock(hashtextextended('rookery:tenant:' || $1::uuid::text, 0))`;
const PLATFORM_LOCK = `SELECT pg_advisory_xact_lock(hashtextextended('rookery:platform', 0))`;

/**
 * A tenant unit opens with ONE statement after BEGIN: the transaction-local
 * tenant (and user) context, and for a write unit the tenant's lock and
 * whether its row exists. All values are parameters.
 */
export function tenantSpec(tenantId: TenantId, intent: UnitIntent, actorId?: UserId): UnitSpec {
  const values: unknown[] = [tenantId];
  const parts = [`set_config('nile.tenant_id', $1::text, true)`];
  if (actorId !== undefined) {
    values.push(actorId);
    parts.push(`set_config('nile.user_id', $2::text, true)`);
  }
  if (intent === "write") {
    parts.push(
      TENANT_LOCK,
      `EXISTS (SELECT 1 FROM tenants WHERE id = $1::text::uuid) AS tenant_exists`,
    );
  }
  return {
    readOnly: intent === "read",
    prologue: [{ text: `SELECT ${parts.join(", ")}`, values }],
    writesNeedTenant: true,
  };
}

/**
 * A platform unit sets no tenant context. Its write units take one global
 * lock, so a check-then-write on shared data holds as it does in memory;
 * uniqueness itself is the constraints' job.
 */
export function platformSpec(intent: UnitIntent): UnitSpec {
  return {
    readOnly: intent === "read",
    prologue: intent === "write" ? [{ text: PLATFORM_LOCK, values: [] }] : [],
    writesNeedTenant: false,
  };
}
