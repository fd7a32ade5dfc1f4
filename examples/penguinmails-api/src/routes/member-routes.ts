import type { Role } from "@rookery/core";
import { parseBody, unwrap } from "@rookery/hono";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env.js";
import { pageQuery } from "./inputs.js";

// Rookery parses the role and the ids: its messages name what is wrong.
const RoleChange = z.strictObject({ role: z.string().max(16) });
const Transfer = z.strictObject({ userId: z.string().max(64) });

/** The tenant's people, their roles, and ownership. Rookery's policy decides each call. */
export function memberRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/members", async (c) => c.json(unwrap(await c.var.scope.members.list(pageQuery(c)))));

  app.get("/members/:userId", async (c) =>
    c.json(unwrap(await c.var.scope.members.get(c.req.param("userId")))),
  );

  // Never to owner, never the owner's role: the policy explains why (FORBIDDEN with its trace).
  app.patch("/members/:userId", async (c) => {
    const { role } = unwrap(await parseBody(c, RoleChange, { maxBytes: 1024 }));
    return c.json(
      unwrap(await c.var.scope.members.changeRole(c.req.param("userId"), role as Role)),
    );
  });

  app.delete("/members/:userId", async (c) => {
    unwrap(await c.var.scope.members.remove(c.req.param("userId")));
    return c.body(null, 204);
  });

  // The caller leaves (an owner transfers ownership first: INVARIANT).
  app.delete("/me/membership", async (c) => {
    unwrap(await c.var.scope.members.leave());
    return c.body(null, 204);
  });

  // Atomic: the new owner takes over, the old one becomes an admin.
  app.post("/ownership", async (c) => {
    const { userId } = unwrap(await parseBody(c, Transfer, { maxBytes: 1024 }));
    unwrap(await c.var.scope.members.transferOwnership(userId));
    return c.json(unwrap(await c.var.scope.members.get(userId)));
  });

  return app;
}
