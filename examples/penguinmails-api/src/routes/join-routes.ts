import { ProblemError, parseBody, unwrap } from "@rookery/hono";
import { HttpErrors } from "@rookery/http";
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../app-env.js";
import { rememberTenant } from "../auth.js";

// Tokens travel in bodies, never in paths or queries, which logs and histories keep.
const TokenBody = z.strictObject({ token: z.string().min(1).max(512) });

/**
 * The invitee's side of an invitation, with the token it was sent with. The
 * invitee belongs to no tenant yet, so these routes have no scope: Rookery's
 * `tenancy.invitations` decides, and tells the outcome to the invitee only.
 */
export function joinRoutes({ tenancy, auth }: AppDeps) {
  const app = new Hono<AppEnv>();

  // What the link is for, before the invitee signs up or in.
  app.post("/join/inspect", async (c) => {
    const { token } = unwrap(await parseBody(c, TokenBody, { maxBytes: 1024 }));
    return c.json(unwrap(await tenancy.invitations.inspect(token)));
  });

  // The signed-in invitee joins: their account's subject is who accepts.
  app.post("/join/accept", async (c) => {
    const session = c.var.session;
    if (session === null) {
      throw new ProblemError(HttpErrors.unauthenticated("Sign up or sign in, then accept."));
    }
    const { token } = unwrap(await parseBody(c, TokenBody, { maxBytes: 1024 }));
    const member = unwrap(await tenancy.invitations.accept(token, { subject: session.user.id }));
    await rememberTenant(auth, session.session.token, {
      userId: member.userId,
      tenantId: member.tenantId,
    });
    return c.json(member);
  });

  app.post("/join/decline", async (c) => {
    const { token } = unwrap(await parseBody(c, TokenBody, { maxBytes: 1024 }));
    unwrap(await tenancy.invitations.decline(token));
    return c.body(null, 204);
  });

  return app;
}
