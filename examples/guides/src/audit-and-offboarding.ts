import { manualClock } from "@rookery/testing";
import { ok, safeTry } from "neverthrow";
import { firstWorkspaceOf, guideTenancy, join } from "./setup.js";

/** Runs the snippets of docs/guides/audit-and-offboarding.md and returns what they produced. */
export function runAuditAndOffboardingGuide() {
  const clock = manualClock("2026-03-01T09:00:00.000Z");
  return safeTry(async function* () {
    const tenancy = yield* guideTenancy({ clock: clock.now });
    const { platform } = tenancy;
    const signup = yield* platform.provisionTenant({
      name: "Penguin Corp",
      plan: "starter",
      owner: { email: "pat@penguin.example", name: "Pat" },
      firstWorkspace: { name: "Acme Client" },
    });
    const tenantId = signup.tenant.id;
    const pat = yield* tenancy.as(signup.owner.userId);
    const ada = yield* join(tenancy, pat, { email: "ada@penguin.example", role: "admin" });
    const max = yield* join(tenancy, pat, { email: "max@penguin.example" });
    const acme = yield* firstWorkspaceOf(signup);
    yield* pat.workspaces.rename(acme.id, { name: "Acme Corporation" });
    const krill = yield* platform.provisionTenant({
      name: "Krill Inc",
      plan: "starter",
      owner: { email: "kim@krill.example" },
    });
    const kim = yield* tenancy.as(krill.owner.userId);
    const maxScope = yield* tenancy.as(max.userId);
    const adaScope = yield* tenancy.as(ada.userId);

    // #region audit-list
    const log = yield* pat.audit.list({ limit: 50 });
    const lines = log.items.map(
      (event) => `${event.at} ${event.actorId ?? "platform"} ${event.action} ${event.target.id}`,
    );
    // Each event also has `before` and `after`, e.g. { name: "Acme Client" } and
    // { name: "Acme Corporation" } for the rename. Oldest first; pass log.next as
    // `after` for the following page.
    const byMember = await maxScope.audit.list();
    // FORBIDDEN: "Not allowed: role member is not granted audit.read."
    // #endregion audit-list
    const krillLog = yield* kim.audit.list();

    // #region suspend
    yield* platform.suspendTenant(tenantId);
    const whileSuspended = await tenancy.as(max.userId);
    // TENANT_INACTIVE, status "suspended": "The tenant is suspended; its users cannot
    // act until it is reactivated." Scopes made before are refused the same way.
    const oldScope = await adaScope.workspaces.list();
    yield* platform.reactivateTenant(tenantId);
    // #endregion suspend

    // #region operator
    // Your back office says who acts: every change through this handle records them.
    const support = yield* platform.operatedBy("support@penguinmails.example");
    yield* support.suspendTenant(krill.tenant.id);
    yield* support.reactivateTenant(krill.tenant.id);
    // Krill Inc's log now ends with tenant.suspend and tenant.reactivate, each with
    // actorId null and operator "support@penguinmails.example"; their events too.
    // #endregion operator
    const kimLog = yield* kim.audit.list({ limit: 100 });

    // #region export
    const exported = yield* pat.exportData();
    // { format: "rookery.tenant-export/1", exportedAt, tenant, users, memberships,
    //   workspaces, assignments, subscription, settings, workspaceSettings,
    //   resources, invitations, auditEvents }: plain JSON, ready for JSON.stringify.
    const byAdmin = await adaScope.exportData();
    // FORBIDDEN: export and offboarding are the owner's.
    // #endregion export

    // #region offboard
    const offboarded = yield* pat.offboard();
    // offboarded.status === "deleted", offboarded.deletedAt is now.
    const afterwards = await tenancy.as(pat.userId);
    // TENANT_INACTIVE, status "deleted". The data is kept for the retention period;
    // the platform may still export it, or reactivate the tenant.
    const archive = yield* platform.exportTenant(tenantId);
    // #endregion offboard

    // #region platform-offboard
    const krillGone = yield* platform.offboardTenant(krill.tenant.id);
    // #endregion platform-offboard

    // #region purge
    const tooEarly = await platform.purgeTenant(tenantId);
    // INVARIANT: "The tenant's data is kept until 2026-03-31T09:00:00.000Z."
    clock.advance(30 * 24 * 60 * 60 * 1000); // retentionDays: 30, the default
    const purged = yield* platform.purgeTenant(tenantId);
    // { memberships: 3, workspaces: 1, resources: 0, auditEvents: ..., users: 3 }
    const lookup = await platform.getTenant(tenantId);
    // NOT_FOUND. Its members' user rows went with it.
    // #endregion purge

    return ok({
      operated: kimLog.items.slice(-2).map((e) => [e.action, e.actorId, e.operator]),
      log,
      krillLog,
      lines,
      byMember,
      whileSuspended,
      oldScope,
      exported,
      byAdmin,
      offboarded,
      afterwards,
      archive,
      krillGone,
      tooEarly,
      purged,
      lookup,
      maxAfterPurge: await tenancy.as(max.userId),
      tenantId,
      ownerId: signup.owner.userId,
    });
  });
}
