import {
  parseBody,
  problemHandler,
  type RookeryEnv,
  requirePermission,
  rookery,
  unwrap,
} from "@rookery/hono";
import type { CallerIdentity } from "@rookery/http";
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppTenancy, SessionStore } from "./tenancy.js";

const CampaignInput = z.strictObject({
  workspaceId: z.uuid(),
  subject: z.string().min(1).max(200),
});

/** The Hono API of docs/http.md. `log` receives what the error handler reports. */
export function honoApp(tenancy: AppTenancy, sessions: SessionStore, log: (line: string) => void) {
  // #region identify
  // Who is calling, from the session your authentication keeps. With both ids,
  // tenancy.as reads nothing: the call's own unit of work checks the membership.
  async function identify(c: Context): Promise<CallerIdentity | null> {
    const session = await sessions.lookup(c.req.header("authorization"));
    if (session === null) return null; // 401, and nothing is read
    return session.tenantId === undefined
      ? session.userId // one read finds the tenant
      : { userId: session.userId, tenantId: session.tenantId };
  }
  // #endregion identify

  // #region hono-app
  const app = new Hono<RookeryEnv<typeof tenancy>>();

  // Every error becomes a problem+json answer; report() sees the error behind it.
  app.onError(
    problemHandler({
      report: ({ problem, error, thrown }) => {
        if (problem.status >= 500) log(`${problem.code}: ${String(error?.message ?? thrown)}`);
      },
    }),
  );

  // One tenancy.as per request; the scope is then c.var.scope, typed by the tenancy.
  app.use("/api/*", rookery({ tenancy, identify, context: true }));

  app.get("/api/campaigns/:id", async (c) => {
    const campaign = await c.var.scope.resources("campaign").get(c.req.param("id"));
    return c.json(unwrap(campaign)); // 404 for another tenant's id, as for an unknown one
  });

  app.post("/api/campaigns", async (c) => {
    // 400 naming the fields, 413 over 16 KiB, 415 when the body is not JSON
    const { workspaceId, ...data } = unwrap(
      await parseBody(c, CampaignInput, { maxBytes: 16 * 1024 }),
    );
    const created = await c.var.scope.resources("campaign").create({ workspaceId, data });
    return c.json(unwrap(created), 201);
  });
  // #endregion hono-app

  // #region require-permission
  // Refuse early, before reading the body: only owners and admins manage workspaces.
  // The service call is still decided by the policy; this only saves the work.
  const managesWorkspaces = requirePermission(
    (scope) => scope.me().map((me) => me.role !== "member"),
    "only owners and admins manage workspaces",
  );
  app.post("/api/workspaces", managesWorkspaces, async (c) => {
    const input = unwrap(await parseBody(c, z.strictObject({ name: z.string() })));
    return c.json(unwrap(await c.var.scope.workspaces.create(input)), 201);
  });
  // #endregion require-permission

  // #region context
  // Deep code that cannot take the scope as a parameter reads the request's
  // scope from tenancy.context: bound by rookery({ context: true }) above.
  async function countCampaigns(): Promise<number> {
    const scope = unwrap(tenancy.context.current()); // NO_TENANT_CONTEXT (500) outside a request
    return unwrap(await scope.resources("campaign").list()).items.length;
  }
  app.get("/api/stats", async (c) => c.json({ campaigns: await countCampaigns() }));
  // #endregion context

  return app;
}
