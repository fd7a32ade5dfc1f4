import { ok, safeTry } from "neverthrow";
import { firstWorkspaceOf, guideTenancy, join } from "./setup.js";

/** Runs the snippets of docs/guides/permissions.md and returns what they produced. */
export function runPermissionsGuide() {
  return safeTry(async function* () {
    const tenancy = yield* guideTenancy();
    const signup = yield* tenancy.platform.provisionTenant({
      name: "Penguin Corp",
      plan: "starter",
      owner: { email: "pat@penguin.example", name: "Pat" },
      firstWorkspace: { name: "Acme Client" },
    });
    const acme = yield* firstWorkspaceOf(signup);
    const pat = yield* tenancy.as(signup.owner.userId);
    const globex = yield* pat.workspaces.create({ name: "Globex Client" });
    const max = yield* join(tenancy, pat, { email: "max@penguin.example", name: "Max" });
    yield* pat.workspaces.assign(acme.id, max.userId);
    const maxScope = yield* tenancy.as(max.userId);

    // #region me
    const me = yield* maxScope.me();
    // { userId, tenantId, role: "member", workspaceIds: [acme.id] }: plain JSON.
    // #endregion me

    // #region can
    // Show "New campaign" in a workspace only to someone who may create one there:
    const inAcme = yield* maxScope.can("campaign.create", { workspaceId: acme.id });
    // true: Max is assigned to Acme Client.
    const inGlobex = yield* maxScope.can("campaign.create", { workspaceId: globex.id });
    // false: he is not assigned to Globex Client.
    const invite = yield* maxScope.can("member.add");
    // false: only owners and admins bring people in.
    const noWorkspace = await maxScope.can("campaign.create");
    // VALIDATION (workspaceId): "required: this action is decided per workspace".
    // #endregion can

    // #region permissions
    // Everything at once, for a single-page app: send it as it is.
    const summary = yield* maxScope.permissions();
    const body = JSON.stringify(summary);
    // {
    //   "userId": "...", "tenantId": "...", "role": "member", "workspaceIds": ["<acme>"],
    //   "tenant": ["template.read", "tenant.read", "settings.read"],
    //   "workspaces": {
    //     "<acme>": ["campaign.create", "campaign.read", "campaign.update", "campaign.delete",
    //                "workspace.read"]
    //   },
    //   "access": "full"
    // }
    // Globex Client is not there: Max does not see it. An owner's summary lists
    // every workspace, with rename, archive, delete and assign in each.
    // #endregion permissions

    // #region fresh
    yield* pat.members.changeRole(max.userId, "admin");
    const promoted = yield* maxScope.permissions();
    // promoted.role === "admin"; promoted.tenant now holds "member.add" and
    // "workspace.create", and promoted.workspaces has Globex Client too.
    // #endregion fresh

    const patSummary = yield* pat.permissions();
    return ok({
      me,
      inAcme,
      inGlobex,
      invite,
      noWorkspace,
      summary,
      body,
      promoted,
      patSummary,
      acmeId: acme.id,
      globexId: globex.id,
    });
  });
}
