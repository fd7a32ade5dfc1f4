import { parseBody, unwrap } from "@rookery/hono";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env.js";
import { pageQuery } from "./inputs.js";

const Name = z.strictObject({ name: z.string().max(200) });

/** Workspaces and who is assigned to them. Members see only their own workspaces. */
export function workspaceRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/workspaces", async (c) => {
    const query = pageQuery(c, { status: z.enum(["active", "archived"]) });
    return c.json(unwrap(await c.var.scope.workspaces.list(query)));
  });

  app.post("/workspaces", async (c) => {
    const input = unwrap(await parseBody(c, Name, { maxBytes: 1024 }));
    return c.json(unwrap(await c.var.scope.workspaces.create(input)), 201);
  });

  app.get("/workspaces/:id", async (c) =>
    c.json(unwrap(await c.var.scope.workspaces.get(c.req.param("id")))),
  );

  app.patch("/workspaces/:id", async (c) => {
    const input = unwrap(await parseBody(c, Name, { maxBytes: 1024 }));
    return c.json(unwrap(await c.var.scope.workspaces.rename(c.req.param("id"), input)));
  });

  app.post("/workspaces/:id/archive", async (c) =>
    c.json(unwrap(await c.var.scope.workspaces.archive(c.req.param("id")))),
  );

  app.post("/workspaces/:id/unarchive", async (c) =>
    c.json(unwrap(await c.var.scope.workspaces.unarchive(c.req.param("id")))),
  );

  app.delete("/workspaces/:id", async (c) => {
    unwrap(await c.var.scope.workspaces.delete(c.req.param("id")));
    return c.body(null, 204);
  });

  app.put("/workspaces/:id/members/:userId", async (c) =>
    c.json(unwrap(await c.var.scope.workspaces.assign(c.req.param("id"), c.req.param("userId")))),
  );

  app.delete("/workspaces/:id/members/:userId", async (c) => {
    unwrap(await c.var.scope.workspaces.unassign(c.req.param("id"), c.req.param("userId")));
    return c.body(null, 204);
  });

  return app;
}
