import { RookeryErrors, type Subscription } from "@rookery/core";
import type {
  SettingsRepository,
  SubscriptionRepository,
  TenantSettings,
  WorkspaceSettings,
} from "@rookery/core/adapter";
import { errAsync, okAsync } from "neverthrow";
import { firstOrNull, json, modelRow } from "../sql/rows.js";
import type { TenantScope } from "./tenant-scope.js";

const SUBSCRIPTION = `tenant_id AS "tenantId", plan, status, limits, created_at AS "createdAt", updated_at AS "updatedAt"`;
const STAMPS = `created_at AS "createdAt", updated_at AS "updatedAt"`;

export function subscriptionRepository(scope: TenantScope): SubscriptionRepository {
  const { s, tenantId } = scope;
  return {
    get: () =>
      s
        .rows(
          `SELECT ${SUBSCRIPTION} FROM public.rookery_subscriptions WHERE tenant_id = $1::uuid`,
          [tenantId],
        )
        .map(firstOrNull<Subscription>),
    // The primary key is the tenant id: "exactly one per tenant" is the database's.
    insert: (sub) =>
      s
        .rows(
          `INSERT INTO public.rookery_subscriptions (tenant_id, plan, status, limits, created_at, updated_at)
             VALUES ($1::uuid, $2::text, $3::text, $4::jsonb, $5::timestamptz, $6::timestamptz)
             ON CONFLICT DO NOTHING RETURNING ${SUBSCRIPTION}`,
          [tenantId, sub.plan, sub.status, json(sub.limits), sub.createdAt, sub.updatedAt],
        )
        .andThen(([row]) =>
          row === undefined
            ? errAsync(
                RookeryErrors.conflict("subscription", "The tenant already has a subscription."),
              )
            : okAsync(modelRow<Subscription>(row)),
        ),
    update: (patch) =>
      s
        .rows(
          `UPDATE public.rookery_subscriptions SET plan = coalesce($2::text, plan),
               status = coalesce($3::text, status), limits = coalesce($4::jsonb, limits),
               updated_at = $5::timestamptz
             WHERE tenant_id = $1::uuid RETURNING ${SUBSCRIPTION}`,
          [
            tenantId,
            patch.plan ?? null,
            patch.status ?? null,
            patch.limits === undefined ? null : json(patch.limits),
            patch.updatedAt,
          ],
        )
        .andThen(([row]) =>
          row === undefined
            ? errAsync(RookeryErrors.notFound("subscription"))
            : okAsync(modelRow<Subscription>(row)),
        ),
  };
}

export function settingsRepository(scope: TenantScope): SettingsRepository {
  const { s, tenantId } = scope;
  return {
    getTenant: () =>
      s
        .rows(
          `SELECT tenant_id AS "tenantId", data AS values, ${STAMPS}
           FROM public.rookery_tenant_settings WHERE tenant_id = $1::uuid`,
          [tenantId],
        )
        .map(firstOrNull<TenantSettings>),
    putTenant: (settings) =>
      s
        .rows(
          `INSERT INTO public.rookery_tenant_settings (tenant_id, data, created_at, updated_at)
             VALUES ($1::uuid, $2::jsonb, $3::timestamptz, $4::timestamptz)
             ON CONFLICT (tenant_id) DO UPDATE SET data = EXCLUDED.data,
               created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at
             RETURNING tenant_id AS "tenantId", data AS values, ${STAMPS}`,
          [tenantId, json(settings.values), settings.createdAt, settings.updatedAt],
        )
        .map(([row]) => modelRow<TenantSettings>(row ?? {})),
    getWorkspace: (workspaceId) =>
      s
        .rows(
          `SELECT tenant_id AS "tenantId", workspace_id AS "workspaceId", data AS values, ${STAMPS}
           FROM public.rookery_workspace_settings WHERE tenant_id = $1::uuid AND workspace_id = $2::uuid`,
          [tenantId, workspaceId],
        )
        .map(firstOrNull<WorkspaceSettings>),
    putWorkspace: (settings) =>
      s
        .rows(
          `INSERT INTO public.rookery_workspace_settings (tenant_id, workspace_id, data, created_at, updated_at)
             SELECT $1::uuid, $2::uuid, $3::jsonb, $4::timestamptz, $5::timestamptz
             WHERE EXISTS (SELECT 1 FROM public.rookery_workspaces WHERE tenant_id = $1::uuid AND id = $2::uuid)
             ON CONFLICT (tenant_id, workspace_id) DO UPDATE SET data = EXCLUDED.data,
               created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at
             RETURNING tenant_id AS "tenantId", workspace_id AS "workspaceId", data AS values, ${STAMPS}`,
          [
            tenantId,
            settings.workspaceId,
            json(settings.values),
            settings.createdAt,
            settings.updatedAt,
          ],
        )
        .andThen(([row]) =>
          row === undefined
            ? errAsync(RookeryErrors.notFound("workspace"))
            : okAsync(modelRow<WorkspaceSettings>(row)),
        ),
  };
}
