import type { RookeryAdapter, TenantId } from "@rookery/core/adapter";
import { ok } from "neverthrow";

/**
 * Runs `meanwhile` while a write unit of `tenantId` is open on `adapter` and
 * holds the tenant's lock (its first statement has answered), then ends that
 * unit and checks that it committed.
 */
export async function whileWriteUnitOpen<T>(
  adapter: RookeryAdapter,
  tenantId: TenantId,
  meanwhile: () => PromiseLike<T>,
): Promise<T> {
  let entered!: () => void;
  const inside = new Promise<void>((resolve) => {
    entered = resolve;
  });
  let leave!: () => void;
  const gate = new Promise<void>((resolve) => {
    leave = resolve;
  });
  const holder = adapter.tenant(tenantId, async (u) => {
    (await u.workspaces.count())._unsafeUnwrap();
    entered();
    await gate;
    return ok(undefined);
  });
  await inside;
  try {
    return await meanwhile();
  } finally {
    leave();
    (await holder)._unsafeUnwrap();
  }
}
