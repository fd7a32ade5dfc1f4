import { ok, safeTry } from "neverthrow";
import { guideTenancy, join } from "./setup.js";

/** Runs the snippets of docs/guides/workspaces.md and returns what they produced. */
export function runWorkspacesGuide() {
  return safeTry(async function* () {
    const tenancy = yield* guideTenancy();
    const signup = yield* tenancy.platform.provisionTenant({
      name: "Penguin Corp",
      plan: "starter", // 4 seats, 2 workspaces
      owner: { email: "pat@penguin.example", name: "Pat" },
    });
    const pat = yield* tenancy.as(signup.owner.userId);
    const ada = yield* join(tenancy, pat, { email: "ada@penguin.example", role: "admin" });
    const max = yield* join(tenancy, pat, { email: "max@penguin.example", name: "Max" });
    const adaScope = yield* tenancy.as(ada.userId);
    const maxScope = yield* tenancy.as(max.userId);

    // #region create
    const acme = yield* adaScope.workspaces.create({ name: "Acme Client" });
    const globex = yield* adaScope.workspaces.create({ name: "Globex Client" });
    // Both active. The starter plan allows 2 workspaces:
    const third = await adaScope.workspaces.create({ name: "Initech Client" });
    // LIMIT_EXCEEDED: { limit: "workspaces", max: 2 }
    // #endregion create

    // #region create-errors
    const byMember = await maxScope.workspaces.create({ name: "Max's corner" });
    // FORBIDDEN: "Not allowed: role member is not granted workspace.create."
    const blank = await adaScope.workspaces.create({ name: "   " });
    // VALIDATION: issues [{ path: "name", ... }]; names are trimmed, 1 to 200 characters.
    // #endregion create-errors

    // #region assign
    yield* adaScope.workspaces.assign(acme.id, max.userId);
    const assignees = yield* adaScope.workspaces.assignees(acme.id);
    // [{ workspaceId: acme.id, userId: max.userId, ... }]
    const twice = await adaScope.workspaces.assign(acme.id, max.userId);
    // CONFLICT: "The member is already assigned."
    // #endregion assign

    // #region member-view
    const maxList = yield* maxScope.workspaces.list();
    // Only Acme Client: members list the workspaces assigned to them.
    const notHis = await maxScope.workspaces.get(globex.id);
    // FORBIDDEN, with the trace: "workspace: denied: workspace ... is not assigned to the actor"
    const adaList = yield* adaScope.workspaces.list();
    // Both: owners and admins see every workspace, assigned or not.
    // #endregion member-view

    // #region rename
    const renamed = yield* adaScope.workspaces.rename(globex.id, { name: "Globex Corporation" });
    // #endregion rename

    // #region archive
    yield* adaScope.workspaces.archive(globex.id);
    const activeOnly = yield* adaScope.workspaces.list({ status: "active" });
    // Acme Client only. Without `status`, list returns archived workspaces too.
    const stillCounted = await adaScope.workspaces.create({ name: "Initech Client" });
    // LIMIT_EXCEEDED: an archived workspace still counts against the plan.
    const back = yield* adaScope.workspaces.unarchive(globex.id);
    // #endregion archive

    // #region unassign
    yield* adaScope.workspaces.unassign(acme.id, max.userId);
    const maxNow = yield* maxScope.workspaces.list();
    // Empty, on Max's very next call.
    const notAssigned = await adaScope.workspaces.unassign(acme.id, max.userId);
    // NOT_FOUND (entity "assignment")
    // #endregion unassign

    // #region delete
    yield* adaScope.workspaces.delete(globex.id);
    // Its resources, assignments and settings overrides are deleted with it,
    // and the slot is free again:
    const initech = yield* adaScope.workspaces.create({ name: "Initech Client" });
    const gone = await adaScope.workspaces.get(globex.id);
    // NOT_FOUND
    // #endregion delete

    return ok({
      acme,
      globex,
      third,
      byMember,
      blank,
      assignees,
      twice,
      maxList: maxList.items.map((w) => w.name),
      notHis,
      adaList: adaList.items.map((w) => w.name),
      renamed,
      activeOnly: activeOnly.items.map((w) => w.name),
      stillCounted,
      back,
      maxNow: maxNow.items.map((w) => w.name),
      notAssigned,
      initech,
      gone,
      maxId: max.userId,
    });
  });
}
