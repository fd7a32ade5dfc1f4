import fc from "fast-check";
import { actorArgs, actorTenant, command, pick, pickWorkspace, resolveActor } from "../command.js";
import { asActor } from "../side.js";
import { plan, settingsPatch, subscriptionStatus } from "./values.js";

const actorOnly = fc.record({ actor: actorArgs });

/** Company settings with workspace overrides, and the subscription. */
export const settingsAndSubscriptionCommands = [
  command({
    name: "settings.get",
    args: actorOnly,
    resolve: (a, known) => resolveActor(a.actor, known),
    call: (side, actor) => asActor(side, actor, (s) => s.settings.get()),
  }),
  command({
    name: "settings.update",
    weight: 4,
    args: fc.record({ actor: actorArgs, patch: settingsPatch }),
    resolve: (a, known) => ({ actor: resolveActor(a.actor, known), patch: a.patch }),
    call: (side, c) => asActor(side, c.actor, (s) => s.settings.update(c.patch as never)),
  }),
  command({
    name: "settings.effective",
    args: fc.record({ actor: actorArgs, workspace: pick }),
    resolve: (a, known) => {
      const actor = resolveActor(a.actor, known);
      return { actor, workspaceId: pickWorkspace(a.workspace, known, actorTenant(known, actor)) };
    },
    call: (side, c) => asActor(side, c.actor, (s) => s.settings.effective(c.workspaceId)),
  }),
  command({
    name: "settings.overrideForWorkspace",
    weight: 4,
    args: fc.record({ actor: actorArgs, workspace: pick, patch: settingsPatch }),
    resolve: (a, known) => {
      const actor = resolveActor(a.actor, known);
      const own = actorTenant(known, actor);
      return { actor, workspaceId: pickWorkspace(a.workspace, known, own), patch: a.patch };
    },
    call: (side, c) =>
      asActor(side, c.actor, (s) =>
        s.settings.overrideForWorkspace(c.workspaceId, c.patch as never),
      ),
  }),
  command({
    name: "subscription.get",
    args: actorOnly,
    resolve: (a, known) => resolveActor(a.actor, known),
    call: (side, actor) => asActor(side, actor, (s) => s.subscription.get()),
  }),
  command({
    name: "subscription.changePlan",
    weight: 4,
    args: fc.record({ actor: actorArgs, plan }),
    resolve: (a, known) => ({ actor: resolveActor(a.actor, known), plan: a.plan }),
    call: (side, c) => asActor(side, c.actor, (s) => s.subscription.changePlan(c.plan)),
  }),
  command({
    name: "subscription.setStatus",
    args: fc.record({ actor: actorArgs, status: subscriptionStatus }),
    resolve: (a, known) => ({ actor: resolveActor(a.actor, known), status: a.status }),
    call: (side, c) => asActor(side, c.actor, (s) => s.subscription.setStatus(c.status as never)),
  }),
];
