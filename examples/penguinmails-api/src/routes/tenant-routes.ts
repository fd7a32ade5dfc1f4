import { unwrap } from "@rookery/hono";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.js";
import { denialsOf } from "../denials.js";
import { pageQuery } from "./inputs.js";

/** The caller, the company's profile, its audit log and its export. */
export function tenantRoutes() {
  const app = new Hono<AppEnv>();

  // Everything the caller may do, as the policy decides it now: what the console draws from.
  app.get("/me/permissions", async (c) => c.json(unwrap(await c.var.scope.permissions())));

  // What the caller may not do, each with the policy's explanation.
  app.get("/me/denials", async (c) => c.json(denialsOf(unwrap(await c.var.scope.permissions()))));

  app.get("/tenant", async (c) => c.json(unwrap(await c.var.scope.tenant())));

  // Owners and admins; oldest first, `?after=` the last id of the previous page.
  app.get("/audit", async (c) => c.json(unwrap(await c.var.scope.audit.list(pageQuery(c)))));

  // Everything the company owns, as one JSON document: the owner's alone.
  app.get("/export", async (c) => {
    const exported = unwrap(await c.var.scope.exportData());
    c.header("content-disposition", 'attachment; filename="penguinmails-export.json"');
    return c.json(exported);
  });

  return app;
}
