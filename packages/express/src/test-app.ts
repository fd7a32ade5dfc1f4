// The application the tests of this package drive: the small API of the
// binding suite (@rookery/http's test-support), built with Express on a real
// port. It also serves GET /unscoped, a route rookery() does not bind.
import type { AddressInfo } from "node:net";
import express, { type Request } from "express";
import { z } from "zod";
import {
  type BindingApp,
  bindingWorld,
  CampaignInput,
  STORE_SECRET,
} from "../../http/test-support/binding-suite.js";
import { parseBody, requirePermission } from "./helpers.js";
import { unwrap } from "./index.js";
import { rookery, scopeOf } from "./middleware.js";
import { problemHandler } from "./problem-handler.js";

/** In the tests the caller is named by headers; an application reads its auth session here. */
function identify(req: Request) {
  const userId = req.get("x-user");
  const tenantId = req.get("x-tenant");
  if (userId === undefined) return null;
  return tenantId === undefined ? userId : { userId, tenantId };
}

export type TestApp = BindingApp;

export async function testApp(options: { readonly exposeTrace?: boolean } = {}): Promise<TestApp> {
  const shared = await bindingWorld();
  const { tenancy, reports } = shared;

  const app = express();
  app.use(express.json({ limit: 1024 }));
  app.use("/api", rookery({ tenancy, identify, context: true }));
  app.use("/unbound", rookery({ tenancy, identify }));

  app.get("/api/me", async (req, res) => {
    const scope = scopeOf(req, tenancy);
    const campaigns = unwrap(await scope.resources("campaign").list());
    // Read again after the await: another request may have run in between.
    const bound = unwrap(tenancy.context.current());
    res.json({
      userId: scope.userId,
      tenantId: scope.tenantId,
      boundTenantId: bound.tenantId,
      campaignIds: campaigns.items.map((campaign) => campaign.id),
    });
  });
  app.get("/unbound/me", (_req, res) => {
    res.json({ tenantId: unwrap(tenancy.context.current()).tenantId });
  });
  app.get("/unscoped", (req, res) => {
    res.json({ tenantId: scopeOf(req, tenancy).tenantId });
  });
  app.get("/api/campaigns/:id", async (req, res) => {
    res.json(unwrap(await scopeOf(req, tenancy).resources("campaign").get(req.params.id)));
  });
  app.post("/api/campaigns", async (req, res) => {
    const { workspaceId, ...data } = unwrap(parseBody(req, CampaignInput));
    const created = await scopeOf(req, tenancy).resources("campaign").create({ workspaceId, data });
    res.status(201).json(unwrap(created));
  });
  app.post(
    "/api/invitations",
    requirePermission(
      (scope) => scope.me().map((me) => me.role !== "member"),
      "only owners and admins invite",
    ),
    async (req, res) => {
      // Shape only: core checks the e-mail itself and names the field when it fails.
      const input = unwrap(parseBody(req, z.strictObject({ email: z.string() })));
      res
        .status(201)
        .json(unwrap(await scopeOf(req, tenancy).invitations.create(input)).invitation);
    },
  );
  app.post("/api/workspaces", async (req, res) => {
    const input = unwrap(parseBody(req, z.strictObject({ name: z.string() })));
    res.status(201).json(unwrap(await scopeOf(req, tenancy).workspaces.create(input)));
  });
  app.get("/api/boom", () => {
    throw new Error(`unexpected: ${STORE_SECRET}`);
  });
  app.use(
    problemHandler({
      ...(options.exposeTrace === undefined ? {} : { exposeTrace: options.exposeTrace }),
      report: (report) => reports.push(report),
    }),
  );

  const server = await new Promise<ReturnType<typeof app.listen>>((resolve, reject) => {
    const listening = app.listen(0, "127.0.0.1", (error) =>
      error === undefined ? resolve(listening) : reject(error),
    );
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise((resolve) => server.close(resolve));
  return { ...shared, base, close };
}
