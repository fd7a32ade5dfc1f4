import { RookeryErrors } from "@rookery/core";
import type { CallerIdentity } from "@rookery/hono";
import { ProblemError } from "@rookery/hono";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env.js";
import type { AppAuth } from "./auth.js";

/** Reads better-auth's session once per request (null without a valid session cookie). */
export function loadSession(auth: AppAuth): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const headers = c.req.raw.headers;
    c.set("session", headers.has("cookie") ? await auth.api.getSession({ headers }) : null);
    await next();
  };
}

/**
 * Who is calling, for `rookery()`: from better-auth's session. A session
 * opened once the person had a company carries their Rookery user and tenant
 * (see auth.ts): `tenancy.as` then reads nothing, and the call's own unit of
 * work checks the membership. Otherwise the account's id is the subject, and
 * one read finds the person and their tenant.
 */
export function identify(c: Context<AppEnv>): CallerIdentity | null {
  const session = c.get("session");
  if (session === null) return null; // 401, and nothing is read
  const { rookeryUserId, rookeryTenantId } = session.session;
  if (typeof rookeryUserId === "string" && typeof rookeryTenantId === "string") {
    return { userId: rookeryUserId, tenantId: rookeryTenantId };
  }
  return { subject: session.user.id };
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Refuses a change sent from another site's page. Session cookies are
 * SameSite=Lax and bodies must be JSON already; this closes what remains.
 */
export const sameOrigin: MiddlewareHandler = async (c, next) => {
  const origin = c.req.header("origin");
  if (UNSAFE_METHODS.has(c.req.method) && origin !== undefined) {
    if (origin !== new URL(c.req.url).origin) {
      throw new ProblemError(RookeryErrors.forbidden("Requests from another site are refused."));
    }
  }
  await next();
};
