import { createHash } from "node:crypto";
import type { TenantId } from "../ids.js";

/**
 * The tenant id a provisioning with this idempotency key and owner gets.
 * Deriving it (a name-based UUID, version 8) means a retry finds the tenant
 * its first attempt made without any shared bookkeeping table, which NileDB
 * could not write in the same transaction as the tenant's own rows anyway.
 * The owner is part of it: the same key with another owner is another
 * signup, so a guessed key can neither reveal nor take over someone's tenant.
 */
export function tenantIdForKey(key: string, owner: string): TenantId {
  const hash = createHash("sha256")
    .update(JSON.stringify(["rookery:provision", key, owner]))
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x80;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` as TenantId;
}
