import { randomUUID } from "node:crypto";
import type { TenantId, UnitIntent, UserId } from "@rookery/core";
import type { UnitSpec } from "./sql/unit-session.js";

// Advisory-lock keys: one per tenant for its write units, one for platform
// write units. The tenant's key hashes its canonical uuid, as RLS compares
// it, so every spelling of one id takes the same lock. A hash collision only
// makes two tenants wait for each other.
const TENANT_LOCK = `pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('rookery:tenant:' || $1::uuid::text, 0))`;
const PLATFORM_LOCK = `SELECT pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('rookery:platform', 0))`;

// When the transaction started, in microseconds: no setting changes how it
// reads, and a later transaction cannot have the same one. The product names
// pg_catalog's operator: `extract` gives a numeric, and an unqualified
// `numeric * integer` would pick an operator of that exact signature from a
// schema of the search path over pg_catalog's `numeric * numeric`.
const TRANSACTION_START = `(extract(epoch FROM pg_catalog.transaction_timestamp()) OPERATOR(pg_catalog.*) 1000000)::pg_catalog.int8::pg_catalog.text`;

/**
 * Raises (division by zero, evaluated when it runs: the settings it reads
 * are not constants) unless the tenant and user context, the unit's mark and
 * the role are still those the unit opened with. The mark is a random nonce
 * with the transaction's start, so a new transaction cannot pass for the
 * unit's own even with the nonce copied. Sent after every application
 * statement and with COMMIT, where raising turns the COMMIT into a ROLLBACK.
 */
const UNIT_CHECK = `SELECT 1 / (coalesce(
    pg_catalog.current_setting('nile.tenant_id', true) = $1::pg_catalog.uuid::pg_catalog.text
    AND coalesce(pg_catalog.current_setting('nile.user_id', true), '') = $2::pg_catalog.text
    AND pg_catalog.current_setting('rookery.unit', true) = $3::pg_catalog.text || ':' || ${TRANSACTION_START}
    AND current_user = $4::pg_catalog.name, false))::pg_catalog.int4 AS unit_check`;

/**
 * A tenant unit opens with ONE statement after BEGIN: the transaction-local
 * tenant (and user) context with the unit's mark, and for a write unit the
 * tenant's lock. All values are parameters.
 * `role` is the database role the start-up check verified.
 */
export function tenantSpec(
  tenantId: TenantId,
  intent: UnitIntent,
  actorId: UserId | undefined,
  role: string,
  prepared: boolean,
): UnitSpec {
  const nonce = randomUUID();
  const withActor = actorId !== undefined;
  return {
    readOnly: intent === "read",
    prologue: [
      {
        text: TENANT_PROLOGUE[intent][withActor ? "actor" : "none"],
        values: withActor ? [tenantId, nonce, actorId] : [tenantId, nonce],
      },
    ],
    check: { text: UNIT_CHECK, values: [tenantId, actorId ?? "", nonce, role] },
    prepared,
  };
}

/** The prologue's text for each intent, with or without a user: built once, so each unit names its prepared statement by a string already hashed. */
const TENANT_PROLOGUE = (() => {
  const text = (write: boolean, actor: boolean) => {
    const parts = [
      `pg_catalog.set_config('nile.tenant_id', $1::uuid::text, true)`,
      `pg_catalog.set_config('rookery.unit', $2::text || ':' || ${TRANSACTION_START}, true)`,
    ];
    if (actor) parts.push(`pg_catalog.set_config('nile.user_id', $3::text, true)`);
    if (write) parts.push(TENANT_LOCK);
    return `SELECT ${parts.join(", ")}`;
  };
  return {
    read: { actor: text(false, true), none: text(false, false) },
    write: { actor: text(true, true), none: text(true, false) },
  } as const;
})();

/**
 * A platform unit sets no tenant context. Its write units take one global
 * lock, so a check-then-write on shared data holds as it does in memory;
 * uniqueness itself is the constraints' job. No application SQL runs there.
 */
export function platformSpec(intent: UnitIntent, prepared: boolean): UnitSpec {
  return {
    readOnly: intent === "read",
    prologue: intent === "write" ? [{ text: PLATFORM_LOCK, values: [] }] : [],
    check: null,
    prepared,
  };
}
