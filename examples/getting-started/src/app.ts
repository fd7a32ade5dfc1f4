// #region app
import { parseBody, problemHandler, type RookeryEnv, rookery, unwrap } from "@rookery/hono";
import { Hono } from "hono";
import { z } from "zod";
import type { AppTenancy } from "./tenancy.js";

/** Who is calling, as your authentication says: a Rookery user id, or null. */
export type Identify = (authorization: string | undefined) => Promise<string | null>;

export function createApp(tenancy: AppTenancy, identify: Identify) {
  const app = new Hono<RookeryEnv<AppTenancy>>();
  // Every Rookery error becomes an RFC 9457 problem with the status of its code.
  app.onError(problemHandler());
  // One scope per request, for the caller; no caller answers 401 and reads nothing.
  app.use("/api/*", rookery({ tenancy, identify: (c) => identify(c.req.header("authorization")) }));

  app.get("/api/campaigns", async (c) => {
    // Owners and admins see every workspace's campaigns, members their assigned ones.
    const page = unwrap(await c.var.scope.resources("campaign").list());
    return c.json(page.items);
  });

  app.get("/api/campaigns/:id", async (c) => {
    // 404 for another tenant's campaign, as for one that never existed.
    return c.json(unwrap(await c.var.scope.resources("campaign").get(c.req.param("id"))));
  });

  app.post("/api/workspaces/:workspaceId/campaigns", async (c) => {
    // 400 naming the failed fields, 413 over the size limit, 415 for a body that is not JSON.
    const data = unwrap(await parseBody(c, z.strictObject({ subject: z.string() })));
    const workspaceId = c.req.param("workspaceId");
    const created = await c.var.scope.resources("campaign").create({ workspaceId, data });
    return c.json(unwrap(created), 201);
  });

  return app;
}
// #endregion app
