import { parseBody, unwrap } from "@rookery/hono";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env.js";
import type { AppScope } from "../tenancy.js";
import { JsonObject } from "./inputs.js";

const PlanChange = z.strictObject({ plan: z.string().max(64) });
type SettingsPatch = Parameters<AppScope["settings"]["update"]>[0];

/** The subscription (the owner's alone) and the company's settings with workspace overrides. */
export function accountRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/subscription", async (c) => c.json(unwrap(await c.var.scope.subscription.get())));

  // Refused while usage exceeds the new plan's limits (LIMIT_EXCEEDED).
  app.put("/subscription/plan", async (c) => {
    const { plan } = unwrap(await parseBody(c, PlanChange, { maxBytes: 1024 }));
    return c.json(unwrap(await c.var.scope.subscription.changePlan(plan)));
  });

  app.get("/settings", async (c) => c.json(unwrap(await c.var.scope.settings.get())));

  app.patch("/settings", async (c) => {
    const patch = unwrap(await parseBody(c, JsonObject, { maxBytes: 4096 }));
    return c.json(unwrap(await c.var.scope.settings.update(patch as SettingsPatch)));
  });

  // The company's settings with the workspace's overrides applied.
  app.get("/workspaces/:id/settings", async (c) =>
    c.json(unwrap(await c.var.scope.settings.effective(c.req.param("id")))),
  );

  // Only the keys declared overridable: signature and the daily send limit.
  app.patch("/workspaces/:id/settings", async (c) => {
    const patch = unwrap(await parseBody(c, JsonObject, { maxBytes: 4096 }));
    const workspaceId = c.req.param("id");
    unwrap(await c.var.scope.settings.overrideForWorkspace(workspaceId, patch as SettingsPatch));
    return c.json(unwrap(await c.var.scope.settings.effective(workspaceId)));
  });

  return app;
}
