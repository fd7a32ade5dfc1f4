// The application the tests of this package drive: the small API of the
// binding suite (@rookery/http's test-support), built with Hono and served on
// a real port by @hono/node-server.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { z } from "zod";
import {
  type BindingApp,
  bindingWorld,
  CampaignInput,
  STORE_SECRET,
} from "../../http/test-support/binding-suite.js";
import { parseBody, requirePermission } from "./helpers.js";
import { unwrap } from "./index.js";
import { type RookeryEnv, rookery } from "./middleware.js";
import { problemHandler } from "./problem-handler.js";

/** The binding suite's app, and the Hono app itself for requests without a port. */
export interface TestApp extends BindingApp {
  readonly app: Hono<RookeryEnv<BindingApp["tenancy"]>>;
}

export async function testApp(options: { readonly exposeTrace?: boolean } = {}): Promise<TestApp> {
  const shared = await bindingWorld();
  const { tenancy, reports } = shared;
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

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, () =>
      resolve(started),
    );
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise((resolve) => server.close(resolve));
  return { ...shared, app, base, close };
}
