import { ok, type ResultAsync, safeTry } from "neverthrow";
import type { RookeryError } from "../errors.js";
import type { TenantId } from "../ids.js";
import type { AuditEvent } from "../model/audit.js";
import type { Invitation } from "../model/invitation.js";
import type { Membership } from "../model/membership.js";
import type { Page, PageQuery } from "../model/page.js";
import type { Resource } from "../model/resource.js";
import type { TenantSettings, WorkspaceSettings } from "../model/settings.js";
import type { Subscription } from "../model/subscription.js";
import type { Tenant } from "../model/tenant.js";
import type { User } from "../model/user.js";
import type { Workspace, WorkspaceAssignment } from "../model/workspace.js";
import type { TenantUnit } from "../port/tenant-unit.js";
import type { TenancyEnv } from "./env.js";
import { withoutSecret } from "./invitations.js";

/** Everything a tenant owns, as one JSON document (offboarding, data portability). */
export interface TenantExport {
  readonly format: "rookery.tenant-export/1";
  readonly exportedAt: string;
  readonly tenant: Tenant;
  readonly users: readonly User[];
  readonly memberships: readonly Membership[];
  readonly workspaces: readonly Workspace[];
  readonly assignments: readonly WorkspaceAssignment[];
  readonly subscription: Subscription | null;
  readonly settings: TenantSettings | null;
  readonly workspaceSettings: readonly WorkspaceSettings[];
  readonly resources: readonly Resource[];
  /** Without the hashes of their tokens' secrets. */
  readonly invitations: readonly Invitation[];
  readonly auditEvents: readonly AuditEvent[];
}

const PAGE = 500;

/** Reads the whole tenant: one read unit for its own rows, one for its members' user rows. */
export function exportTenant(
  env: TenancyEnv,
  tenant: Tenant,
): ResultAsync<TenantExport, RookeryError> {
  return safeTry(async function* () {
    const owned = yield* env.adapter.tenant(tenant.id as TenantId, (unit) => readOwned(env, unit), {
      intent: "read",
    });
    const users = yield* env.adapter.platform(
      (unit) =>
        safeTry(async function* () {
          const found: User[] = [];
          for (const m of owned.memberships) {
            const user = yield* unit.users.get(m.userId);
            if (user !== null) found.push(user);
          }
          return ok(found);
        }),
      { intent: "read" },
    );
    return ok({
      format: "rookery.tenant-export/1" as const,
      exportedAt: env.clock().toISOString(),
      tenant,
      users,
      ...owned,
    });
  });
}

function readOwned(env: TenancyEnv, unit: TenantUnit) {
  return safeTry(async function* () {
    const memberships = yield* readAll((q) => unit.memberships.list(q));
    const workspaces = yield* readAll((q) => unit.workspaces.list(q));
    const assignments: WorkspaceAssignment[] = [];
    const workspaceSettings: WorkspaceSettings[] = [];
    for (const ws of workspaces) {
      assignments.push(...(yield* unit.assignments.listForWorkspace(ws.id)));
      const overrides = yield* unit.settings.getWorkspace(ws.id);
      if (overrides !== null) workspaceSettings.push(overrides);
    }
    const resources: Resource[] = [];
    for (const type of Object.keys(env.resources)) {
      resources.push(
        ...(yield* readAll((q) => unit.resources.list({ ...q, type, workspaces: "all" }))),
      );
    }
    return ok({
      memberships,
      workspaces,
      assignments,
      subscription: yield* unit.subscription.get(),
      settings: yield* unit.settings.getTenant(),
      workspaceSettings,
      resources,
      invitations: (yield* readAll((q) => unit.invitations.list(q))).map(withoutSecret),
      auditEvents: yield* readAll((q) => unit.audit.list(q)),
    });
  });
}

/** Follows `next` until the last page. */
export function readAll<T>(
  page: (query: PageQuery) => ResultAsync<Page<T>, RookeryError>,
): ResultAsync<T[], RookeryError> {
  return safeTry(async function* () {
    const items: T[] = [];
    let after: string | undefined;
    do {
      const found: Page<T> = yield* page(
        after === undefined ? { limit: PAGE } : { after, limit: PAGE },
      );
      items.push(...found.items);
      after = found.next ?? undefined;
    } while (after !== undefined);
    return ok(items);
  });
}
