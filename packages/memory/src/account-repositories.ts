import { RookeryErrors, type Subscription } from "@rookery/core";
import type { SettingsRepository, SubscriptionRepository } from "@rookery/core/adapter";
import { fail, ok } from "./results.js";
import { SINGLE_ROW } from "./state.js";
import { stored } from "./tables.js";
import type { TenantContext } from "./tenant-context.js";

export function subscriptionRepository(ctx: TenantContext): SubscriptionRepository {
  const { draft } = ctx;
  return {
    get: () => ok(draft.read("subscription").get(SINGLE_ROW) ?? null),
    insert: (subscription) => {
      if (draft.read("subscription").has(SINGLE_ROW)) {
        return fail(
          RookeryErrors.conflict("subscription", "The tenant already has a subscription."),
        );
      }
      const row = stored(subscription);
      draft.write("subscription").set(SINGLE_ROW, row);
      return ok(row);
    },
    update: (patch) => {
      const current = draft.read("subscription").get(SINGLE_ROW);
      if (current === undefined) return fail(RookeryErrors.notFound("subscription"));
      const row: Subscription = stored({
        ...current,
        plan: patch.plan ?? current.plan,
        status: patch.status ?? current.status,
        limits: patch.limits ?? current.limits,
        updatedAt: patch.updatedAt,
      });
      draft.write("subscription").set(SINGLE_ROW, row);
      return ok(row);
    },
  };
}

export function settingsRepository(ctx: TenantContext): SettingsRepository {
  const { draft } = ctx;
  return {
    getTenant: () => ok(draft.read("tenantSettings").get(SINGLE_ROW) ?? null),
    putTenant: (settings) => {
      const row = stored(settings);
      draft.write("tenantSettings").set(SINGLE_ROW, row);
      return ok(row);
    },
    getWorkspace: (workspaceId) => ok(draft.read("workspaceSettings").get(workspaceId) ?? null),
    putWorkspace: (settings) => {
      if (!draft.read("workspaces").has(settings.workspaceId)) {
        return fail(RookeryErrors.notFound("workspace"));
      }
      const row = stored(settings);
      draft.write("workspaceSettings").set(row.workspaceId, row);
      return ok(row);
    },
  };
}
