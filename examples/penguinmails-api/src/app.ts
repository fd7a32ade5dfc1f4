import { problemHandler, rookery } from "@rookery/hono";
import { PROBLEM_CONTENT_TYPE } from "@rookery/http";
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "./app-env.js";
import { consoleAssets } from "./console-assets.js";
import { requestLog } from "./request-log.js";
import { accountRoutes } from "./routes/account-routes.js";
import { authRoutes } from "./routes/auth-routes.js";
import { invitationRoutes } from "./routes/invitation-routes.js";
import { joinRoutes } from "./routes/join-routes.js";
import { memberRoutes } from "./routes/member-routes.js";
import { resourceRoutes } from "./routes/resource-routes.js";
import { tenantRoutes } from "./routes/tenant-routes.js";
import { workspaceRoutes } from "./routes/workspace-routes.js";
import type { DemoLogin } from "./seed.js";
import { identify, loadSession, sameOrigin } from "./session.js";

export interface AppOptions extends AppDeps {
  /** Receives the request log, one line per request, and the 5xx reports. */
  readonly log: (line: string) => void;
  /** The seeded people, listed on the console's sign-in page; none when not seeded. */
  readonly demoLogins: readonly DemoLogin[];
}

/** The PenguinMails API under `/api`, and the web console at `/`. */
export function createApp(options: AppOptions) {
  const { tenancy, log } = options;
  const app = new Hono<AppEnv>();

  app.use("*", requestLog(log));
  // Every error is a problem+json answer. The FORBIDDEN trace is shown: it explains
  // the policy's decision to the caller, and names only their own tenant's ids.
  app.onError(
    problemHandler({
      exposeTrace: true,
      report: ({ problem, error, thrown, request }) => {
        request.set("problemCode", problem.code);
        if (problem.status >= 500) log(`${problem.code}: ${String(error?.message ?? thrown)}`);
      },
    }),
  );
  app.notFound((c) => {
    c.set("problemCode", "NOT_FOUND");
    const problem = {
      title: "Not found",
      status: 404,
      detail: "No such route.",
      code: "NOT_FOUND",
    };
    return c.body(JSON.stringify(problem), 404, { "content-type": PROBLEM_CONTENT_TYPE });
  });

  app.use("/api/*", sameOrigin, loadSession(options.auth));

  // Before the scope is bound: signing up, in and out, and the invitee's side.
  app.route("/api", authRoutes(options));
  app.route("/api", joinRoutes(options));
  app.get("/api/demo/logins", (c) => c.json(options.demoLogins));

  // Every route below runs in the caller's scope: one tenancy.as per request.
  // (Registered after the routes above, so it never runs for them.)
  app.use("/api/*", rookery({ tenancy, identify }));
  app.route("/api", tenantRoutes());
  app.route("/api", memberRoutes());
  app.route("/api", invitationRoutes());
  app.route("/api", workspaceRoutes());
  app.route("/api", accountRoutes());
  app.route("/api", resourceRoutes());

  consoleAssets(app);
  return app;
}
