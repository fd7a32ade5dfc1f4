import {
  type RookeryAdapter,
  type RookeryError,
  RookeryErrors,
  type TenantId,
} from "@rookery/core";
import type {
  PlatformUnit,
  PlatformUnitOptions,
  TenantUnit,
  TenantUnitOptions,
  Work,
} from "@rookery/core/adapter";
import { err, type Result, ResultAsync } from "neverthrow";
import { KeyedMutex } from "./keyed-mutex.js";
import { platformUnit } from "./platform-repositories.js";
import { type MemorySnapshot, restoreSnapshot, takeSnapshot } from "./snapshot.js";
import { emptyPlatform, emptyTenant, type PlatformTables, type TenantTables } from "./state.js";
import { Draft } from "./tables.js";
import { tenantUnit } from "./tenant-unit.js";

/** The in-memory adapter, with the controls a test suite needs. */
export interface MemoryAdapter extends RookeryAdapter {
  /** Empties the store, for a fresh start between tests. */
  reset(): void;
  /** A deep, serialisable copy of everything stored. */
  snapshot(): MemorySnapshot;
  /** Replaces everything stored with a snapshot taken earlier. */
  restore(snapshot: MemorySnapshot): void;
}

const PLATFORM_LOCK = "\u0000platform";

/**
 * A complete Rookery store in memory. Each tenant's data is a separate
 * partition that only a unit of work for that tenant is handed. Units are
 * atomic (copy-on-write, committed only when the work returns Ok), write
 * units of one tenant run one at a time, and readers see a consistent
 * snapshot while writers work.
 */
export function memoryAdapter(): MemoryAdapter {
  let platform: PlatformTables = emptyPlatform();
  let partitions = new Map<string, TenantTables>();
  const locks = new KeyedMutex();

  const platformWork = async <T>(work: Work<PlatformUnit, T>, writable: boolean) => {
    const draft = new Draft(platform, writable);
    const result = await runGuarded(() => work(platformUnit(draft)));
    if (result.isOk() && draft.dirty) {
      platform = draft.commit();
      for (const id of partitions.keys()) {
        if (!platform.tenants.has(id)) partitions.delete(id);
      }
    }
    return result;
  };

  // #region tenant-work
  const tenantWork = async <T>(
    tenantId: TenantId,
    work: Work<TenantUnit, T>,
    writable: boolean,
  ) => {
    const draft = new Draft(partitions.get(tenantId) ?? emptyTenant(), writable);
    const ctx = { tenantId, draft };
    const result = await runGuarded(() =>
      work(tenantUnit(ctx, () => platform.tenants.get(tenantId) ?? null)),
    );
    if (result.isOk() && draft.dirty && platform.tenants.has(tenantId)) {
      partitions.set(tenantId, draft.commit());
    }
    return result;
  };
  // #endregion tenant-work

  return {
    name: "memory",
    platform: <T>(work: Work<PlatformUnit, T>, options?: PlatformUnitOptions) =>
      toResultAsync(
        options?.intent === "read"
          ? platformWork(work, false)
          : locks.run(PLATFORM_LOCK, () => platformWork(work, true)),
      ),
    // #region tenant-entry
    tenant: <T>(tenantId: TenantId, work: Work<TenantUnit, T>, options?: TenantUnitOptions) =>
      toResultAsync(
        options?.intent === "read"
          ? tenantWork(tenantId, work, false)
          : locks.run(tenantId, () => tenantWork(tenantId, work, true)),
      ),
    // #endregion tenant-entry
    reset: () => {
      platform = emptyPlatform();
      partitions = new Map();
    },
    snapshot: () => takeSnapshot(platform, partitions),
    restore: (snapshot) => {
      ({ platform, partitions } = restoreSnapshot(snapshot));
    },
  };
}

/** Turns an exception thrown by the work into an INTERNAL error: the unit then rolls back. */
async function runGuarded<T>(
  body: () => PromiseLike<Result<T, RookeryError>>,
): Promise<Result<T, RookeryError>> {
  try {
    return await body();
  } catch (cause) {
    return err(RookeryErrors.internal("The unit of work threw; nothing it wrote was kept.", cause));
  }
}

function toResultAsync<T>(promise: Promise<Result<T, RookeryError>>): ResultAsync<T, RookeryError> {
  return new ResultAsync(promise);
}
