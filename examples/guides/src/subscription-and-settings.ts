import { ok, safeTry } from "neverthrow";
import { z } from "zod";
import { firstWorkspaceOf, guideTenancy, join } from "./setup.js";

// #region settings-config
export const settings = {
  schema: z.object({
    timezone: z.string().default("UTC"),
    dailySendLimit: z.number().int().min(0).default(500),
    signature: z.string().max(500).default(""),
  }),
  // The keys a workspace may override; the others are company-wide only.
  workspaceOverridable: ["signature", "dailySendLimit"] as const,
};

// createTenancy({ adapter, plans, settings, ... })
// #endregion settings-config

/** Runs the snippets of docs/guides/subscription-and-settings.md and returns what they produced. */
export function runSubscriptionAndSettingsGuide() {
  return safeTry(async function* () {
    const tenancy = yield* guideTenancy(); // configured with the settings above
    const signup = yield* tenancy.platform.provisionTenant({
      name: "Penguin Corp",
      plan: "starter",
      owner: { email: "pat@penguin.example", name: "Pat" },
      firstWorkspace: { name: "Acme Client" },
    });
    const pat = yield* tenancy.as(signup.owner.userId);
    const ada = yield* join(tenancy, pat, { email: "ada@penguin.example", role: "admin" });
    const max = yield* join(tenancy, pat, { email: "max@penguin.example" });
    const adaScope = yield* tenancy.as(ada.userId);
    const maxScope = yield* tenancy.as(max.userId);
    const acme = yield* firstWorkspaceOf(signup);
    yield* pat.workspaces.assign(acme.id, max.userId);

    // #region subscription-read
    const subscription = yield* pat.subscription.get();
    // { plan: "starter", status: "active", limits: { seats: 4, workspaces: 2 }, ... }
    const byAdmin = await adaScope.subscription.get();
    // FORBIDDEN: "Not allowed: role admin is not granted billing.read."
    // #endregion subscription-read

    // #region change-plan
    const upgraded = yield* pat.subscription.changePlan("growth");
    // upgraded.limits is the growth plan's: { seats: 25, workspaces: 10 }
    const unknown = await pat.subscription.changePlan("platinum");
    // VALIDATION: issues [{ path: "plan", message: "unknown plan 'platinum'" }]
    // #endregion change-plan

    yield* join(tenancy, pat, { email: "mia@penguin.example" });
    yield* join(tenancy, pat, { email: "sam@penguin.example" });
    // #region downgrade
    // Mia and Sam have joined since: five members.
    const downgrade = await pat.subscription.changePlan("starter");
    // LIMIT_EXCEEDED: { limit: "seats", max: 4 }. Five members do not fit in four
    // seats; remove one (or keep the plan) first. Nothing was changed.
    // #endregion downgrade

    // #region subscription-status
    const pastDue = yield* pat.subscription.setStatus("past_due");
    // One of "trialing", "active", "past_due", "canceled".
    // #endregion subscription-status

    // #region subscription-access
    yield* pat.subscription.setStatus("canceled");
    const frozen = await adaScope.settings.update({ signature: "Still here" });
    // SUBSCRIPTION_INACTIVE, status "canceled": "The subscription is canceled: the
    // tenant is read-only until it is active again."
    const stillReadable = yield* maxScope.settings.get();
    const asked = yield* adaScope.can("settings.update"); // false, for the UI
    yield* pat.subscription.setStatus("active"); // billing stays open to the owner
    // #endregion subscription-access

    // #region settings-read
    const company = yield* maxScope.settings.get();
    // { timezone: "UTC", dailySendLimit: 500, signature: "" }: every member may read.
    // #endregion settings-read

    // #region settings-update
    const updated = yield* adaScope.settings.update({ timezone: "Europe/Oslo" });
    // The patch is merged: { timezone: "Europe/Oslo", dailySendLimit: 500, signature: "" }
    const badValue = await adaScope.settings.update({ dailySendLimit: -1 });
    // VALIDATION: issues [{ path: "dailySendLimit", message: "Too small: expected number to be >=0" }]
    const byMember = await maxScope.settings.update({ timezone: "UTC" });
    // FORBIDDEN: "Not allowed: role member is not granted settings.update."
    // #endregion settings-update

    // #region workspace-override
    yield* adaScope.settings.overrideForWorkspace(acme.id, { signature: "— The Acme team" });
    const effective = yield* maxScope.settings.effective(acme.id);
    // { timezone: "Europe/Oslo", dailySendLimit: 500, signature: "— The Acme team" }
    const notOverridable = await adaScope.settings.overrideForWorkspace(acme.id, {
      timezone: "Asia/Tokyo",
    });
    // VALIDATION: issues [{ path: "timezone", message: "a workspace cannot override this setting" }]
    // #endregion workspace-override

    return ok({
      frozen,
      stillReadable,
      asked,
      subscription,
      byAdmin,
      upgraded,
      unknown,
      downgrade,
      afterDowngrade: yield* pat.subscription.get(),
      pastDue,
      company,
      updated,
      badValue,
      byMember,
      effective,
      notOverridable,
    });
  });
}
