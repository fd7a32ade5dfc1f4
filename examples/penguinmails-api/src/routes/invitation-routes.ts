import type { InviteInput } from "@rookery/core";
import { parseBody, unwrap } from "@rookery/hono";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env.js";
import { JsonObject, pageQuery } from "./inputs.js";

/**
 * Invitations, for owners and admins. The answer holds the token once: a real
 * product e-mails it in a link; this example hands it back so the console and
 * the tests can play the invitee.
 */
export function invitationRoutes() {
  const app = new Hono<AppEnv>();

  app.get("/invitations", async (c) => {
    const query = pageQuery(c, { status: z.enum(["pending", "accepted", "declined", "revoked"]) });
    return c.json(unwrap(await c.var.scope.invitations.list(query)));
  });

  app.post("/invitations", async (c) => {
    // Rookery parses it: the address, the role (never owner), the workspaces.
    const input = unwrap(await parseBody(c, JsonObject, { maxBytes: 8192 }));
    return c.json(unwrap(await c.var.scope.invitations.create(input as InviteInput)), 201);
  });

  app.post("/invitations/:id/resend", async (c) =>
    c.json(unwrap(await c.var.scope.invitations.resend(c.req.param("id")))),
  );

  app.post("/invitations/:id/revoke", async (c) =>
    c.json(unwrap(await c.var.scope.invitations.revoke(c.req.param("id")))),
  );

  return app;
}
