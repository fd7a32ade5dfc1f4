import { err, errAsync, ok, okAsync, type Result, type ResultAsync, safeTry } from "neverthrow";
import type { z } from "zod";
import { type RookeryError, RookeryErrors } from "../errors.js";
import type { Tenant } from "../model/tenant.js";
import type { UnitIntent } from "../port/unit-of-work.js";
import { type AuditLogService, auditLogService } from "./audit-log.js";
import type { ResourceCatalogue } from "./config.js";
import type { TenancyEnv } from "./env.js";
import { type InvitationsService, invitationsService } from "./invitations.js";
import { signJobToken } from "./job-token.js";
import { type MembersService, membersService } from "./members.js";
import {
  type Caller,
  callerOf,
  can,
  type Permissions,
  type PermissionTarget,
  permissions,
} from "./permissions.js";
import { changeStatus } from "./platform.js";
import type { ServiceAction } from "./policy-authorizer.js";
import { type ResourcesService, resourceService } from "./resources.js";
import { runScoped, type ScopeIdentity } from "./scoped.js";
import { runScopedSql, type ScopedSql } from "./scoped-sql.js";
import { type SettingsService, settingsService } from "./settings.js";
import { type SubscriptionService, subscriptionService } from "./subscription.js";
import { exportTenant, type TenantExport } from "./tenant-export.js";
import { type WorkspacesService, workspacesService } from "./workspaces.js";

/**
 * Everything one authenticated user may do in their tenant. It holds only
 * who the user is and which tenant; every call re-reads the user's role and
 * assignments in its own unit of work, and asks the policy first.
 */
export interface Scope<
  Resources extends ResourceCatalogue = ResourceCatalogue,
  Settings extends z.ZodObject = z.ZodObject,
> extends ScopeIdentity {
  /** The caller as the policy sees them right now: role and assigned workspaces, as plain JSON. */
  me(): ResultAsync<Caller, RookeryError>;
  /**
   * Whether the policy lets the caller take `action` now; for an action on a
   * workspace's things, name the workspace (`{ workspaceId }`). The same
   * policy decides the calls, so a UI that asks first shows what they allow.
   * A workspace that is not the tenant's answers false. VALIDATION for an
   * action the policy does not define, or a target the action does not take.
   */
  can(
    action: ServiceAction<Resources>,
    target?: PermissionTarget,
  ): ResultAsync<boolean, RookeryError>;
  /**
   * Everything the caller may do, as plain JSON for a UI: role, assigned
   * workspaces, the actions allowed on the tenant, and for each workspace the
   * caller sees, the actions allowed in it. Every action of the policy is
   * decided by the policy, as the calls are.
   */
  permissions(): ResultAsync<Permissions<Resources>, RookeryError>;
  /** The tenant's profile. */
  tenant(): ResultAsync<Tenant, RookeryError>;
  readonly members: MembersService;
  /** Invitations by e-mail: how people who belong to no tenant yet are brought in. */
  readonly invitations: InvitationsService;
  readonly workspaces: WorkspacesService;
  readonly subscription: SubscriptionService;
  readonly settings: SettingsService<Settings>;
  readonly audit: AuditLogService;
  /** The typed service of one of the application's resource types. */
  resources<Type extends keyof Resources & string>(
    type: Type,
  ): ResourcesService<Resources[Type]["schema"]>;
  /** Offboards the tenant (owner only): its users can no longer act; data is kept for the retention. */
  offboard(): ResultAsync<Tenant, RookeryError>;
  /** All of the tenant's data as one JSON document (owner only). */
  exportData(): ResultAsync<TenantExport, RookeryError>;
  /**
   * Runs the application's own SQL in one unit of work for this scope's
   * tenant, with the workspaces the policy lets the caller see. INVARIANT on
   * an adapter without SQL (the in-memory one).
   */
  sql<T>(
    work: (sql: ScopedSql) => PromiseLike<Result<T, RookeryError>>,
    options?: { readonly intent?: UnitIntent },
  ): ResultAsync<T, RookeryError>;
  /** A signed token a background job can resume this scope from (`tenancy.fromJob`). */
  toJob(): Result<string, RookeryError>;
}

export function makeScope<Resources extends ResourceCatalogue, Settings extends z.ZodObject>(
  env: TenancyEnv,
  who: ScopeIdentity,
): Scope<Resources, Settings> {
  const ownerOnly = (action: "tenant.read" | "tenant.delete") =>
    runScoped(env, who, "read", (s) =>
      safeTry(async function* () {
        yield* s.env.authorizer.authorize(s.actor, action, { tenantId: s.unit.tenantId });
        const tenant = yield* s.unit.tenant.get();
        return tenant === null ? err(RookeryErrors.notFound("tenant")) : ok(tenant);
      }),
    );
  // Built on first use: a request usually calls one service, and a scope is made per request.
  const once = <T>(make: () => T) => {
    let made: T | undefined;
    return () => {
      made ??= make();
      return made;
    };
  };
  const members = once(() => membersService(env, who));
  const invitations = once(() => invitationsService(env, who));
  const workspaces = once(() => workspacesService(env, who));
  const subscription = once(() => subscriptionService(env, who));
  const settings = once(() => settingsService<Settings>(env, who));
  const audit = once(() => auditLogService(env, who));
  const resourceServices = new Map<string, unknown>();
  return {
    userId: who.userId,
    tenantId: who.tenantId,
    get members() {
      return members();
    },
    get invitations() {
      return invitations();
    },
    get workspaces() {
      return workspaces();
    },
    get subscription() {
      return subscription();
    },
    get settings() {
      return settings();
    },
    get audit() {
      return audit();
    },
    me: () => runScoped(env, who, "read", (s) => okAsync(callerOf(s.actor))),
    can: (action, target) => can(env, who, action, target),
    permissions: () => permissions<Resources>(env, who),
    tenant: () => ownerOnly("tenant.read"),
    resources: (type) => {
      // Own keys of strings only: `constructor` or `__proto__` must be unknown
      // types, not Object's members, and a non-string from untyped code is one too.
      const definition =
        typeof type === "string" && Object.hasOwn(env.resources, type)
          ? env.resources[type]
          : undefined;
      if (definition === undefined) return unknownType(type);
      let service = resourceServices.get(type);
      if (service === undefined) {
        service = resourceService(env, who, type, definition);
        resourceServices.set(type, service);
      }
      return service as ResourcesService<Resources[typeof type]["schema"]>;
    },
    offboard: () =>
      ownerOnly("tenant.delete").andThen((tenant) =>
        changeStatus(env, tenant, "deleted", "tenant.offboard", {
          actorId: who.userId,
          operator: null,
        }),
      ),
    exportData: () => ownerOnly("tenant.delete").andThen((tenant) => exportTenant(env, tenant)),
    sql: (work, options) => runScopedSql(env, who, work, options?.intent ?? "write"),
    toJob: () => signJobToken(env.jobs, who, env.clock()),
  };
}

/** A service whose every call fails: the type was not declared in `createTenancy({ resources })`. */
function unknownType<S extends z.ZodType>(type: unknown): ResourcesService<S> {
  // Named only when it is a plain string: anything else could throw while being printed.
  const named = typeof type === "string" ? ` '${type.slice(0, 100)}'` : "";
  const fail = () =>
    errAsync(
      RookeryErrors.validation([{ path: "type", message: `unknown resource type${named}` }]),
    );
  return { create: fail, get: fail, update: fail, delete: fail, list: fail };
}
