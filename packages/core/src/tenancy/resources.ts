import type { ResourceVerb } from "@rookery/policy";
import { err, ok, okAsync, type Result, ResultAsync, safeTry } from "neverthrow";
import { z } from "zod";
import { type RookeryError, RookeryErrors } from "../errors.js";
import { ResourceId, type UserId, WorkspaceId } from "../ids.js";
import { JsonObject } from "../model/common.js";
import type { Page } from "../model/page.js";
import { PageRequest } from "../model/page.js";
import type { Resource } from "../model/resource.js";
import type { Workspace } from "../model/workspace.js";
import { parseField, parseWith, safeParse } from "../parse.js";
import type { TenantUnit } from "../port/tenant-unit.js";
import type { ResourceTypeDefinition } from "./config.js";
import { nowIso, type TenancyEnv } from "./env.js";
import { runScoped, type ScopedUnit, type ScopeIdentity } from "./scoped.js";
import { findWorkspace } from "./workspaces.js";

/** A stored resource with its data typed by the application's schema. */
export type TypedResource<Data> = Omit<Resource, "data"> & { readonly data: Data };

/** A page of one resource type, optionally of one workspace. */
export interface ResourceListQuery {
  /** Only this workspace's resources (workspace-scoped types). */
  readonly workspaceId?: string;
  readonly after?: string;
  readonly limit?: number;
}

/** Create, read, update, delete and list one resource type, as the policy allows. */
export interface ResourcesService<Schema extends z.ZodType> {
  create(input: {
    readonly workspaceId?: string;
    readonly data: z.input<Schema>;
  }): ResultAsync<TypedResource<z.output<Schema>>, RookeryError>;
  get(id: string): ResultAsync<TypedResource<z.output<Schema>>, RookeryError>;
  /** Replaces the data. With `expectedVersion`, fails with CONFLICT if someone changed it since. */
  update(
    id: string,
    data: z.input<Schema>,
    options?: { readonly expectedVersion?: number },
  ): ResultAsync<TypedResource<z.output<Schema>>, RookeryError>;
  delete(id: string): ResultAsync<void, RookeryError>;
  /** The resources the caller may see, through the policy's filter. */
  list(query?: ResourceListQuery): ResultAsync<Page<TypedResource<z.output<Schema>>>, RookeryError>;
}

const CreateShape = z.strictObject({ workspaceId: WorkspaceId.optional(), data: z.unknown() });
const ListShape = PageRequest.extend({ workspaceId: WorkspaceId.optional() });
/** A version is a PostgreSQL `integer`: one past its range can match no stored version. */
const MAX_VERSION = 2_147_483_647;
const UpdateOptions = z.strictObject({
  expectedVersion: z.number().int().min(1).max(MAX_VERSION).optional(),
});

/** Parses resource data; every issue's path starts with `data`. */
function parseData<S extends z.ZodType>(
  schema: S,
  data: unknown,
  type: string,
): Result<z.output<S>, RookeryError> {
  return safeParse(schema, data).mapErr((found) =>
    RookeryErrors.validation(
      found.map((issue) => ({
        ...issue,
        path: issue.path === "" ? "data" : `data.${issue.path}`,
      })),
      type,
    ),
  );
}

export function resourceService<Schema extends z.ZodType>(
  env: TenancyEnv,
  who: ScopeIdentity,
  type: string,
  definition: ResourceTypeDefinition<Schema>,
): ResourcesService<Schema> {
  const typed = (r: Resource) => r as unknown as TypedResource<z.output<Schema>>;
  const typedPage = (found: Page<Resource>) => ({
    items: found.items.map(typed),
    next: found.next,
  });
  // The app's schema first, then what every store can keep (no NUL, no `__proto__`, ...).
  const validData = (data: unknown) =>
    parseData(definition.schema, data, type).andThen((parsed) =>
      parseData(JsonObject, parsed, type),
    );
  const target = (s: ScopedUnit, workspaceId: WorkspaceId | null) => ({
    tenantId: s.unit.tenantId,
    workspaceId,
    entity: "resource" as const,
  });
  // The resource is read with the actor (prefetched), then the policy decides on its workspace.
  const readResource = (id: ResourceId) => (unit: TenantUnit) => unit.resources.get(type, id);
  const allowedOn = (s: ScopedUnit, found: Resource | null, action: ResourceVerb) => {
    if (found === null) return err(RookeryErrors.notFound("resource"));
    return s.env.authorizer
      .authorize(s.actor, `${type}.${action}`, target(s, found.workspaceId))
      .map(() => found);
  };
  const writable = (ws: Workspace | null) =>
    ws?.status === "archived"
      ? err(
          RookeryErrors.invariant(
            "The workspace is archived; unarchive it to change its resources.",
          ),
        )
      : ok(undefined);
  const writableWorkspace = (s: ScopedUnit, workspaceId: WorkspaceId | null) =>
    workspaceId === null ? okAsync(undefined) : findWorkspace(s, workspaceId).andThen(writable);
  const parseId = (raw: string) => parseField(ResourceId, raw, "id");

  return {
    create: (raw) =>
      safeTry(async function* () {
        const input = yield* parseWith(CreateShape, raw, type);
        const data = yield* validData(input.data);
        const workspaceId = input.workspaceId ?? null;
        if ((definition.scope === "workspace") !== (workspaceId !== null)) {
          const message =
            definition.scope === "workspace"
              ? "required: this type lives in a workspace"
              : "not allowed: this type is shared by the tenant";
          return err(RookeryErrors.validation([{ path: "workspaceId", message }], type));
        }
        return runScoped(
          env,
          who,
          "write",
          (s, ws: Workspace | null) =>
            safeTry(async function* () {
              // Found first (a foreign workspace is NOT_FOUND), then allowed, and only then is its
              // state told: an archived workspace is news only to someone who may work in it.
              if (workspaceId !== null && ws === null)
                return err(RookeryErrors.notFound("workspace"));
              yield* s.env.authorizer.authorize(s.actor, `${type}.create`, target(s, workspaceId));
              yield* writable(ws);
              const at = nowIso(env);
              const row: Resource = {
                tenantId: s.unit.tenantId,
                id: env.ids() as ResourceId,
                type,
                workspaceId,
                data,
                version: 1,
                createdBy: s.actor.userId as UserId,
                createdAt: at,
                updatedAt: at,
              };
              // The event and the row leave together; the unit fails if either does.
              yield* s.audit({
                action: `${type}.create`,
                target: { type, id: row.id },
                after: data,
              });
              const created = yield* s.unit.resources.insert(row);
              return ok(typed(created));
            }),
          (unit) => (workspaceId === null ? okAsync(null) : unit.workspaces.get(workspaceId)),
        );
      }),
    // The hot path of most applications: no generator, as few allocations as the call needs.
    get: (rawId) =>
      parseId(rawId).asyncAndThen((id) =>
        runScoped(
          env,
          who,
          "read",
          async (s, found: Resource | null) => allowedOn(s, found, "read").map(typed),
          readResource(id),
        ),
      ),
    update: (rawId, rawData, rawOptions = {}) =>
      safeTry(async function* () {
        const id = yield* parseId(rawId);
        const data = yield* validData(rawData);
        const options = yield* parseWith(UpdateOptions, rawOptions, "update options");
        return runScoped(
          env,
          who,
          "write",
          (s, found: Resource | null) =>
            safeTry(async function* () {
              const current = yield* allowedOn(s, found, "update");
              yield* writableWorkspace(s, current.workspaceId);
              const update =
                options.expectedVersion === undefined
                  ? { data, updatedAt: nowIso(env) }
                  : { data, updatedAt: nowIso(env), expectedVersion: options.expectedVersion };
              yield* s.audit({
                action: `${type}.update`,
                target: { type, id },
                before: current.data,
                after: data,
              });
              const updated = yield* s.unit.resources.update(type, id, update);
              return ok(typed(updated));
            }),
          readResource(id),
        );
      }),
    delete: (rawId) =>
      safeTry(async function* () {
        const id = yield* parseId(rawId);
        return runScoped(
          env,
          who,
          "write",
          (s, found: Resource | null) =>
            safeTry(async function* () {
              const current = yield* allowedOn(s, found, "delete");
              // A delete is a write too: an archived workspace is frozen until unarchived.
              yield* writableWorkspace(s, current.workspaceId);
              yield* s.audit({
                action: `${type}.delete`,
                target: { type, id },
                before: current.data,
              });
              yield* s.unit.resources.remove(type, id);
              return ok(undefined);
            }),
          readResource(id),
        );
      }),
    list: (raw = {}) =>
      safeTry(async function* () {
        const { workspaceId, ...page } = yield* parseWith(ListShape, raw, `${type} query`);
        if (workspaceId !== undefined && definition.scope === "tenant") {
          const message = "not allowed: this type is shared by the tenant";
          return err(RookeryErrors.validation([{ path: "workspaceId", message }], type));
        }
        const request = { ...page, type };
        // The page is read with the actor: the whole tenant's (what owners and admins see),
        // or the one workspace asked for. The policy then decides; a narrower reach reads again.
        const speculate = (unit: TenantUnit) =>
          workspaceId === undefined
            ? unit.resources.list({ ...request, workspaces: "all" })
            : ResultAsync.combine([
                unit.workspaces.get(workspaceId),
                unit.resources.list({ ...request, workspaces: [workspaceId] }),
              ]).map(([ws, found]) => (ws === null ? null : found));
        return runScoped(
          env,
          who,
          "read",
          (s, early: Page<Resource> | null) =>
            safeTry(async function* () {
              if (workspaceId !== undefined) {
                if (early === null) return err(RookeryErrors.notFound("workspace"));
                yield* s.env.authorizer.authorize(s.actor, `${type}.read`, target(s, workspaceId));
                return ok(typedPage(early));
              }
              const filter = s.env.authorizer.visible(s.actor, `${type}.read`, type);
              if (filter === null) return ok({ items: [], next: null });
              if (filter === "all" && early !== null) return ok(typedPage(early));
              const found = yield* s.unit.resources.list({ ...request, workspaces: filter });
              return ok(typedPage(found));
            }),
          speculate,
        );
      }),
  };
}
