import {
  type Identify,
  ProblemError,
  resolveScope,
  type ScopeOf,
  type TenancyLike,
} from "@rookery/http";
import type { Context, MiddlewareHandler } from "hono";

/**
 * The Hono environment of routes behind `rookery()`: `c.get("scope")` (and
 * `c.var.scope`) is the caller's scope, typed by the tenancy's resources and
 * settings. Declare it on your app when routes are not chained after the
 * middleware: `new Hono<RookeryEnv<typeof tenancy>>()`.
 */
export interface RookeryEnv<T extends TenancyLike<unknown>> {
  Variables: { scope: ScopeOf<T> };
}

/**
 * The options of `rookery()`: the tenancy, the identity callback, and whether to bind
 * `tenancy.context`.
 */
export interface RookeryOptions<T extends TenancyLike<unknown>> {
  readonly tenancy: T;
  /**
   * Who is calling, from your authentication: a user id, `{ userId, tenantId }`
   * when the session carries both (then making the scope reads nothing), or
   * null when nobody is signed in (a 401 problem, and nothing is read).
   */
  // biome-ignore lint/suspicious/noExplicitAny: the application's own Env, whatever it is
  readonly identify: Identify<Context<any>>;
  /**
   * Also bind the scope in `tenancy.context` for the rest of the request, so
   * code that cannot take it as a parameter reaches it with
   * `tenancy.context.current()`. Off by default: pass the scope explicitly.
   */
  readonly context?: boolean;
}

/**
 * Binds each request to its caller's scope: the identity callback, then ONE
 * `tenancy.as`, then `c.set("scope", scope)`. A request that cannot be bound
 * (nobody signed in, a user in no tenant, a suspended tenant) ends here with
 * its problem, thrown to the app's error handler (`problemHandler()`, or
 * Hono's default, which sends the same problem without the options).
 */
export function rookery<T extends TenancyLike<unknown>>(
  options: RookeryOptions<T>,
): MiddlewareHandler<RookeryEnv<T>> {
  return async (c, next) => {
    const scope = await resolveScope(options.tenancy, options.identify, c);
    if (scope.isErr()) throw new ProblemError(scope.error);
    const bound = scope.value as ScopeOf<T>;
    c.set("scope", bound);
    if (options.context === true) {
      await options.tenancy.context.run(bound, () => next());
    } else {
      await next();
    }
  };
}
