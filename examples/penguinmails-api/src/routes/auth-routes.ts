import { ProblemError, parseBody, unwrap } from "@rookery/hono";
import { HttpErrors } from "@rookery/http";
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../app-env.js";
import { rememberTenant } from "../auth.js";
import { PlanName } from "../penguinmails.js";
import { authCall } from "./auth-errors.js";

const email = z.email().max(254);
// The length rule is for new passwords: sign-in answers any wrong one alike (401), and says
// nothing about what a password must look like.
const SignUp = z.strictObject({
  email,
  password: z.string().min(10).max(128),
  name: z.string().trim().min(1).max(100),
});
const SignIn = z.strictObject({ email, password: z.string().min(1).max(128) });
const Signup = SignUp.extend({
  company: z.string().trim().min(1).max(100),
  plan: PlanName.default("starter"),
  workspace: z.string().trim().min(1).max(100).default("General"),
});

/** better-auth's Set-Cookie headers, carried over to the answer. */
function withCookies(c: Context, headers: Headers): void {
  for (const cookie of headers.getSetCookie()) c.header("set-cookie", cookie, { append: true });
}

/**
 * Accounts and sessions: better-auth does the authentication; signup also
 * founds the person's company with Rookery, the person as its owner.
 */
export function authRoutes({ tenancy, auth }: AppDeps) {
  const app = new Hono<AppEnv>();

  // A new company: the account, then the tenant, its owner the account's subject.
  app.post("/signup", async (c) => {
    const input = unwrap(await parseBody(c, Signup, { maxBytes: 4096 }));
    const made = await authCall(() =>
      auth.api.signUpEmail({
        body: { email: input.email, password: input.password, name: input.name },
        returnHeaders: true,
      }),
    );
    const subject = made.response.user.id;
    const company = unwrap(
      await tenancy.platform.provisionTenant({
        name: input.company,
        plan: input.plan,
        owner: { email: input.email, subject, name: input.name },
        firstWorkspace: { name: input.workspace },
        idempotencyKey: `signup-${subject}`, // a retried signup finds this tenant
      }),
    );
    if (made.response.token !== null) {
      await rememberTenant(auth, made.response.token, {
        userId: company.owner.userId,
        tenantId: company.tenant.id,
      });
    }
    withCookies(c, made.headers);
    return c.json(
      {
        user: { id: company.owner.userId, email: input.email, name: input.name },
        tenant: company.tenant,
        workspace: company.workspace ?? null,
      },
      201,
    );
  });

  // An account alone: someone who was invited signs up, then accepts.
  app.post("/auth/sign-up", async (c) => {
    const input = unwrap(await parseBody(c, SignUp, { maxBytes: 4096 }));
    const made = await authCall(() => auth.api.signUpEmail({ body: input, returnHeaders: true }));
    const found = unwrap(await tenancy.platform.findUser({ subject: made.response.user.id }));
    withCookies(c, made.headers);
    return c.json({ user: { id: found.id, email: found.email, name: found.name } }, 201);
  });

  app.post("/auth/sign-in", async (c) => {
    const input = unwrap(await parseBody(c, SignIn, { maxBytes: 4096 }));
    const signed = await authCall(() => auth.api.signInEmail({ body: input, returnHeaders: true }));
    const found = unwrap(await tenancy.platform.findUser({ subject: signed.response.user.id }));
    withCookies(c, signed.headers);
    return c.json({
      user: { id: found.id, email: found.email, name: found.name },
      tenantId: found.tenantId,
    });
  });

  app.post("/auth/sign-out", async (c) => {
    if (c.var.session === null) throw new ProblemError(HttpErrors.unauthenticated());
    const out = await authCall(() =>
      auth.api.signOut({ headers: c.req.raw.headers, returnHeaders: true }),
    );
    withCookies(c, out.headers);
    return c.body(null, 204);
  });

  // Who is signed in, and in which company (null: none yet).
  app.get("/auth/session", async (c) => {
    const session = c.var.session;
    if (session === null) throw new ProblemError(HttpErrors.unauthenticated());
    const found = unwrap(await tenancy.platform.findUser({ subject: session.user.id }));
    return c.json({
      user: { id: found.id, email: found.email, name: found.name },
      tenantId: found.tenantId,
    });
  });

  return app;
}
