import type { ProblemReport } from "@rookery/http";
import { memoryAdapter } from "@rookery/memory";
import { type PenguinTenancy, tenancyWorld, withOutage } from "@rookery/testing";
import { Hono } from "hono";
import { z } from "zod";
import { parseBody, requirePermission } from "./helpers.js";
import { unwrap } from "./index.js";
import { type RookeryEnv, rookery } from "./middleware.js";
import { problemHandler } from "./problem-handler.js";

/** A message the failing store gives, which must never reach a client. */
export const STORE_SECRET = "connect ECONNREFUSED db-7.internal:5432 (tenant 42)";

const CampaignInput = z.strictObject({
  workspaceId: z.uuid(),
  subject: z.string().min(1).max(200),
  status: z.enum(["draft", "scheduled", "sent"]).default("draft"),
});

/** The world, the app over it, and what the app saw. */
export async function testApp(options: { readonly exposeTrace?: boolean } = {}) {
  const { adapter, outage } = withOutage(memoryAdapter(), new Error(STORE_SECRET));
  const world = await tenancyWorld(adapter);
  const asCalls: unknown[] = [];
  const reports: ProblemReport<unknown>[] = [];
  // The world's tenancy, counting how often a request makes a scope.
  const tenancy: PenguinTenancy = {
    ...world.tenancy,
    as: (identity) => {
      asCalls.push(identity);
      return world.tenancy.as(identity);
    },
  };

  const app = new Hono<RookeryEnv<typeof tenancy>>();
  app.onError(
    problemHandler({
      ...(options.exposeTrace === undefined ? {} : { exposeTrace: options.exposeTrace }),
      report: (report) => reports.push(report),
    }),
  );
  // In the tests the caller is named by headers; an application reads its auth session here.
  const identify = (c: { req: { header(name: string): string | undefined } }) => {
    const userId = c.req.header("x-user");
    const tenantId = c.req.header("x-tenant");
    if (userId === undefined) return null;
    return tenantId === undefined ? userId : { userId, tenantId };
  };
  app.use("/api/*", rookery({ tenancy, identify, context: true }));
  app.use("/unbound/*", rookery({ tenancy, identify }));

  app.get("/api/me", async (c) => {
    const scope = c.var.scope;
    const campaigns = unwrap(await scope.resources("campaign").list());
    // Read again after the await: another request may have run in between.
    const bound = unwrap(tenancy.context.current());
    return c.json({
      userId: scope.userId,
      tenantId: scope.tenantId,
      boundTenantId: bound.tenantId,
      campaignIds: campaigns.items.map((campaign) => campaign.id),
    });
  });
  app.get("/unbound/me", (c) => c.json({ tenantId: unwrap(tenancy.context.current()).tenantId }));
  app.get("/api/campaigns/:id", async (c) =>
    c.json(unwrap(await c.var.scope.resources("campaign").get(c.req.param("id")))),
  );
  app.post("/api/campaigns", async (c) => {
    const input = unwrap(await parseBody(c, CampaignInput, { maxBytes: 1024 }));
    const { workspaceId, ...data } = input;
    const created = await c.var.scope.resources("campaign").create({ workspaceId, data });
    return c.json(unwrap(created), 201);
  });
  app.post(
    "/api/invitations",
    requirePermission(
      (scope) => scope.me().map((me) => me.role !== "member"),
      "only owners and admins invite",
    ),
    async (c) => {
      // Shape only: core checks the e-mail itself and names the field when it fails.
      const input = unwrap(await parseBody(c, z.strictObject({ email: z.string() })));
      return c.json(unwrap(await c.var.scope.invitations.create(input)).invitation, 201);
    },
  );
  app.post("/api/workspaces", async (c) => {
    const input = unwrap(await parseBody(c, z.strictObject({ name: z.string() })));
    return c.json(unwrap(await c.var.scope.workspaces.create(input)), 201);
  });
  app.get("/api/boom", () => {
    throw new Error(`unexpected: ${STORE_SECRET}`);
  });

  return { app, world, tenancy, asCalls, reports, store: outage };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;

/** Headers naming a caller. */
export const as = (userId: string, tenantId?: string): Record<string, string> =>
  tenantId === undefined ? { "x-user": userId } : { "x-user": userId, "x-tenant": tenantId };

/** JSON headers naming a caller. */
export const postAs = (userId: string): Record<string, string> => ({
  ...as(userId),
  "content-type": "application/json",
});
