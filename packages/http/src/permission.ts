import { type RookeryError, RookeryErrors } from "@rookery/core";
import { err, ok, type Result } from "neverthrow";

/**
 * Whether a scope may do something: `true` allows, `false` is FORBIDDEN, an
 * error is passed on (an error while deciding is a deny). Written against a
 * function rather than a method of the scope, so that any check fits:
 * `(scope) => scope.me().map((me) => me.role !== "member")`.
 */
export type PermissionCheck<S> = (
  scope: S,
) => PromiseLike<Result<boolean, RookeryError>> | Result<boolean, RookeryError>;

/**
 * Runs a permission check for a route: Ok when it allows, FORBIDDEN (with
 * `description` as the reason) when it does not, the check's own error when
 * it fails. The route's service call is still decided by the policy; this
 * only refuses early, before the route reads its body or does other work.
 */
export async function checkPermission<S>(
  scope: S,
  check: PermissionCheck<S>,
  description = "the caller lacks the permission this route requires",
): Promise<Result<void, RookeryError>> {
  const allowed = await check(scope);
  if (allowed.isErr()) return err(allowed.error);
  return allowed.value
    ? ok(undefined)
    : err(RookeryErrors.forbidden(`Not allowed: ${description}.`));
}
