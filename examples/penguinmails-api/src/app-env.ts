import type { RookeryEnv } from "@rookery/hono";
import type { AppAuth, AuthSession } from "./auth.js";
import type { AppTenancy } from "./tenancy.js";

/** What every route's context holds: the better-auth session and, behind `rookery()`, the scope. */
export type AppEnv = RookeryEnv<AppTenancy> & {
  Variables: {
    /** better-auth's session of the request, null when nobody is signed in. */
    session: AuthSession | null;
    /** The problem code answered, for the request's log line. */
    problemCode: string;
  };
};

/** What the routes are built over. */
export interface AppDeps {
  readonly tenancy: AppTenancy;
  readonly auth: AppAuth;
}
