import { type RookeryError, RookeryErrors, type ScopeContext, type Tenancy } from "@rookery/core";
import { err, type Result, type ResultAsync } from "neverthrow";
import { type HttpError, HttpErrors } from "./http-errors.js";

/**
 * Who the application's authentication says is calling, as `tenancy.as`
 * takes it: the user's id (one read finds the tenant), or `{ userId,
 * tenantId }` when the session already carries the tenant (nothing is read
 * until the first call, which re-checks the actor in its own unit of work).
 */
export type CallerIdentity = Parameters<Tenancy["as"]>[0];

/**
 * What the request binding needs of a tenancy: `as` and `context`. Any
 * `Tenancy` is one; so is an instrumented one.
 */
export interface TenancyLike<S = unknown> {
  as(identity: CallerIdentity): ResultAsync<S, RookeryError>;
  readonly context: ScopeContext<S>;
}

/** The scope type a tenancy makes. */
export type ScopeOf<T> = T extends TenancyLike<infer S> ? S : never;

/**
 * The application's identity callback: the authenticated caller of a request,
 * or null (or undefined) when nobody is signed in, which answers 401 without
 * touching the store. It may be async (a session lookup).
 */
export type Identify<Request> = (
  request: Request,
) => CallerIdentity | null | undefined | PromiseLike<CallerIdentity | null | undefined>;

/**
 * Makes the request's scope: the identity callback, then ONE `tenancy.as`.
 * UNAUTHENTICATED when the callback answers null; `as`'s own errors
 * otherwise (NOT_FOUND for a user in no tenant, TENANT_INACTIVE), except
 * that an identity `as` cannot read is the application's bug, not the
 * client's: INTERNAL, with the VALIDATION error as its cause. A callback that
 * throws is INTERNAL too (with what it threw as the cause), never a crash.
 */
export async function resolveScope<S, Request>(
  tenancy: TenancyLike<S>,
  identify: Identify<Request>,
  request: Request,
): Promise<Result<S, RookeryError | HttpError>> {
  let identity: CallerIdentity | null | undefined;
  try {
    identity = await identify(request);
  } catch (thrown) {
    return err(RookeryErrors.internal("The identity callback threw.", thrown));
  }
  if (identity === null || identity === undefined) return err(HttpErrors.unauthenticated());
  const scope = await tenancy.as(identity);
  if (scope.isErr() && scope.error.code === "VALIDATION") {
    return err(
      RookeryErrors.internal(
        "The identity callback returned an identity tenancy.as cannot read.",
        scope.error,
      ),
    );
  }
  return scope;
}
