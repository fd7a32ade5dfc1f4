import {
  parseBody,
  problemHandler,
  requirePermission,
  rookery,
  scopeOf,
  unwrap,
} from "@rookery/express";
import type { CallerIdentity } from "@rookery/http";
import express from "express";
import { z } from "zod";
import type { AppTenancy, SessionStore } from "./tenancy.js";

const CampaignInput = z.strictObject({
  workspaceId: z.uuid(),
  subject: z.string().min(1).max(200),
});

/** The Express API of docs/http.md, the same routes as the Hono one. */
export function expressApp(
  tenancy: AppTenancy,
  sessions: SessionStore,
  log: (line: string) => void,
): express.Express {
  async function identify(req: express.Request): Promise<CallerIdentity | null> {
    const session = await sessions.lookup(req.get("authorization"));
    if (session === null) return null;
    return session.tenantId === undefined
      ? session.userId
      : { userId: session.userId, tenantId: session.tenantId };
  }

  // #region express-app
  const app = express();

  // The JSON parser's limit answers 413, its parse errors 400: problemHandler maps both.
  app.use(express.json({ limit: "16kb" }));
  // One tenancy.as per request; routes read the scope with scopeOf(req, tenancy).
  app.use("/api", rookery({ tenancy, identify }));

  app.get("/api/campaigns/:id", async (req, res) => {
    const campaign = await scopeOf(req, tenancy).resources("campaign").get(req.params.id);
    res.json(unwrap(campaign)); // Express 5 hands a thrown problem to the error handler
  });

  app.post("/api/campaigns", async (req, res) => {
    const { workspaceId, ...data } = unwrap(parseBody(req, CampaignInput));
    const created = await scopeOf(req, tenancy).resources("campaign").create({ workspaceId, data });
    res.status(201).json(unwrap(created));
  });

  app.post(
    "/api/workspaces",
    requirePermission(
      (scope) => scope.me().map((me) => me.role !== "member"),
      "only owners and admins manage workspaces",
    ),
    async (req, res) => {
      const input = unwrap(parseBody(req, z.strictObject({ name: z.string() })));
      res.status(201).json(unwrap(await scopeOf(req, tenancy).workspaces.create(input)));
    },
  );

  // Last: every error above becomes a problem+json answer.
  app.use(
    problemHandler({
      report: ({ problem, error, thrown }) => {
        if (problem.status >= 500) log(`${problem.code}: ${String(error?.message ?? thrown)}`);
      },
    }),
  );
  // #endregion express-app

  return app;
}
