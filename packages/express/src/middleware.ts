import { RookeryErrors } from "@rookery/core";
import {
  type Identify,
  ProblemError,
  resolveScope,
  type ScopeOf,
  type TenancyLike,
} from "@rookery/http";
import type { Request, RequestHandler } from "express";

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
  readonly identify: Identify<Request>;
  /**
   * Also bind the scope in `tenancy.context` for the rest of the request, so
   * code that cannot take it as a parameter reaches it with
   * `tenancy.context.current()`. Off by default: pass the scope explicitly.
   */
  readonly context?: boolean;
}

/**
 * Each request's scope, with the tenancy that made it. Kept beside the
 * request rather than on it, so no other middleware can replace it.
 */
const bindings = new WeakMap<Request, { readonly tenancy: unknown; readonly scope: unknown }>();

/**
 * Binds each request to its caller's scope: the identity callback, then ONE
 * `tenancy.as`; routes read it with `scopeOf(req, tenancy)`. A request that
 * cannot be bound (nobody signed in, a user in no tenant, a suspended tenant)
 * goes to the error handler with its problem (`problemHandler()`).
 */
export function rookery<T extends TenancyLike<unknown>>(
  options: RookeryOptions<T>,
): RequestHandler {
  return async (req, _res, next) => {
    const scope = await resolveScope(options.tenancy, options.identify, req);
    if (scope.isErr()) return next(new ProblemError(scope.error));
    bindings.set(req, { tenancy: options.tenancy, scope: scope.value });
    if (options.context === true) options.tenancy.context.run(scope.value, () => next());
    else next();
  };
}

/**
 * The request's scope, typed by `tenancy`'s resources and settings. Throws a
 * NO_TENANT_CONTEXT problem (a 500) on a route that `rookery({ tenancy })`
 * did not bind: a wiring mistake must fail closed, never run unscoped.
 */
export function scopeOf<T extends TenancyLike<unknown>>(req: Request, tenancy: T): ScopeOf<T> {
  const binding = bindings.get(req);
  if (binding === undefined || binding.tenancy !== tenancy) {
    throw new ProblemError(
      RookeryErrors.noTenantContext(
        "No scope is bound to this request for this tenancy: put rookery({ tenancy }) before the route.",
      ),
    );
  }
  return binding.scope as ScopeOf<T>;
}

/** The scope bound to the request, whatever tenancy made it; undefined when none. */
export function boundScope(req: Request): unknown {
  return bindings.get(req)?.scope;
}
