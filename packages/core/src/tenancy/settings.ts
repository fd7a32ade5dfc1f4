import { isDeepStrictEqual } from "node:util";
import { err, ok, type ResultAsync, safeTry } from "neverthrow";
import type { z } from "zod";
import { type RookeryError, RookeryErrors } from "../errors.js";
import type { JsonObject } from "../model/common.js";
import { JsonObject as JsonObjectSchema } from "../model/common.js";
import { parseField, parseWith, safeParse } from "../parse.js";
import { nowIso, type TenancyEnv } from "./env.js";
import { WorkspaceIdInput } from "./inputs.js";
import { runScoped, type ScopedUnit, type ScopeIdentity } from "./scoped.js";
import { defaultSettings } from "./settings-values.js";
import { findWorkspace } from "./workspaces.js";

/**
 * Company-wide settings, and the overrides a workspace may make of some keys,
 * typed by the application's settings schema.
 */
export interface SettingsService<Schema extends z.ZodObject = z.ZodObject> {
  /** The company-wide settings, with defaults for keys never set. Everyone in the tenant may read. */
  get(): ResultAsync<z.output<Schema>, RookeryError>;
  /** Merges `patch` into the company-wide settings. Owners and admins. */
  update(patch: Partial<z.input<Schema>>): ResultAsync<z.output<Schema>, RookeryError>;
  /** The company-wide settings with the workspace's overrides applied. */
  effective(workspaceId: string): ResultAsync<z.output<Schema>, RookeryError>;
  /**
   * Merges `patch` into a workspace's overrides and returns them; only the keys
   * declared `workspaceOverridable`. Owners and admins.
   */
  overrideForWorkspace(
    workspaceId: string,
    patch: Partial<z.input<Schema>>,
  ): ResultAsync<Partial<z.output<Schema>>, RookeryError>;
}

export function settingsService<Schema extends z.ZodObject>(
  env: TenancyEnv,
  who: ScopeIdentity,
): SettingsService<Schema> {
  // Values are JSON to the store and checked against the schema on every write.
  return untypedSettings(env, who) as unknown as SettingsService<Schema>;
}

/** The service as the store sees it: plain JSON in, plain JSON out. */
interface JsonSettings {
  get(): ResultAsync<JsonObject, RookeryError>;
  update(patch: unknown): ResultAsync<JsonObject, RookeryError>;
  effective(workspaceId: string): ResultAsync<JsonObject, RookeryError>;
  overrideForWorkspace(workspaceId: string, patch: unknown): ResultAsync<JsonObject, RookeryError>;
}

function untypedSettings(env: TenancyEnv, who: ScopeIdentity): JsonSettings {
  const overridable = new Set<string>(env.settings?.workspaceOverridable ?? []);
  const declared =
    env.settings === undefined ? null : new Set(Object.keys(env.settings.schema.shape));
  const refuse = (keys: string[], message: string, subject: string) =>
    keys.length === 0
      ? ok(undefined)
      : err(
          RookeryErrors.validation(
            keys.map((path) => ({ path, message })),
            subject,
          ),
        );
  // A key the schema does not declare would be dropped silently by z.object: refuse it instead.
  const knownKeys = (patch: JsonObject) =>
    refuse(
      Object.keys(patch).filter((key) => declared !== null && !declared.has(key)),
      "not a setting",
      "settings",
    );
  const overridableKeys = (patch: JsonObject) =>
    refuse(
      Object.keys(patch).filter((key) => !overridable.has(key)),
      "a workspace cannot override this setting",
      "workspace settings",
    );
  const validate = (values: JsonObject) => {
    if (env.settings === undefined) return ok(values);
    return safeParse(env.settings.schema, values)
      .map((parsed) => parsed as JsonObject)
      .mapErr((issues) => RookeryErrors.validation(issues, "settings"));
  };
  const tenantValues = (s: ScopedUnit) =>
    s.unit.settings.getTenant().map((row) => ({ ...defaultSettings(env), ...(row?.values ?? {}) }));

  return {
    get: () =>
      runScoped(env, who, "read", (s) =>
        s.env.authorizer
          .authorize(s.actor, "settings.read", { tenantId: s.unit.tenantId })
          .asyncAndThen(() => tenantValues(s)),
      ),
    update: (rawPatch) =>
      safeTry(async function* () {
        const patch = yield* parseWith(JsonObjectSchema, rawPatch, "settings");
        return runScoped(env, who, "write", (s) =>
          safeTry(async function* () {
            yield* s.env.authorizer.authorize(s.actor, "settings.update", {
              tenantId: s.unit.tenantId,
            });
            yield* knownKeys(patch);
            const before = yield* tenantValues(s);
            const values = yield* validate({ ...before, ...patch });
            // Nothing changed: no write and no audit event, as for the other services' no-ops.
            if (isDeepStrictEqual(values, before)) return ok(values);
            const existing = yield* s.unit.settings.getTenant();
            const at = nowIso(env);
            yield* s.unit.settings.putTenant({
              tenantId: s.unit.tenantId,
              values,
              createdAt: existing?.createdAt ?? at,
              updatedAt: at,
            });
            yield* s.audit({
              action: "settings.update",
              target: { type: "settings", id: s.unit.tenantId },
              before,
              after: values,
            });
            return ok(values);
          }),
        );
      }),
    effective: (rawId) =>
      safeTry(async function* () {
        const id = yield* parseField(WorkspaceIdInput, rawId, "workspaceId");
        return runScoped(env, who, "read", (s) =>
          safeTry(async function* () {
            const ws = yield* findWorkspace(s, id);
            yield* s.env.authorizer.authorize(s.actor, "workspace.read", {
              tenantId: ws.tenantId,
              workspaceId: ws.id,
            });
            const overrides = yield* s.unit.settings.getWorkspace(ws.id);
            return ok({ ...(yield* tenantValues(s)), ...(overrides?.values ?? {}) });
          }),
        );
      }),
    overrideForWorkspace: (rawId, rawPatch) =>
      safeTry(async function* () {
        const id = yield* parseField(WorkspaceIdInput, rawId, "workspaceId");
        const patch = yield* parseWith(JsonObjectSchema, rawPatch, "settings");
        return runScoped(env, who, "write", (s) =>
          safeTry(async function* () {
            const ws = yield* findWorkspace(s, id);
            yield* s.env.authorizer.authorize(s.actor, "settings.update", {
              tenantId: ws.tenantId,
            });
            yield* overridableKeys(patch);
            const existing = yield* s.unit.settings.getWorkspace(ws.id);
            const overrides = { ...(existing?.values ?? {}), ...patch };
            yield* validate({ ...(yield* tenantValues(s)), ...overrides });
            if (isDeepStrictEqual(overrides, existing?.values ?? {})) return ok(overrides);
            const at = nowIso(env);
            yield* s.unit.settings.putWorkspace({
              tenantId: s.unit.tenantId,
              workspaceId: ws.id,
              values: overrides,
              createdAt: existing?.createdAt ?? at,
              updatedAt: at,
            });
            yield* s.audit({
              action: "settings.override",
              target: { type: "workspace", id: ws.id },
              before: existing?.values ?? null,
              after: overrides,
            });
            return ok(overrides);
          }),
        );
      }),
  };
}
