import { RookeryErrors } from "@rookery/core";
import { ProblemError } from "@rookery/hono";
import { HttpErrors } from "@rookery/http";
import { APIError } from "better-auth";

/**
 * better-auth's refusals as the API's problems, so every error of the API has
 * one shape. Anything else better-auth throws is a 500, as any bug is.
 */
function authProblem(thrown: unknown): unknown {
  if (!(thrown instanceof APIError)) return thrown;
  const code = typeof thrown.body?.code === "string" ? thrown.body.code : "";
  if (thrown.statusCode === 401) {
    return new ProblemError(HttpErrors.unauthenticated("Invalid e-mail or password."));
  }
  if (code.startsWith("USER_ALREADY_EXISTS")) {
    return new ProblemError(
      RookeryErrors.conflict("user", "An account with this e-mail exists: sign in instead."),
    );
  }
  if (thrown.statusCode === 400 || thrown.statusCode === 422) {
    return new ProblemError(
      RookeryErrors.validation([{ path: "", message: thrown.message }], "sign-up"),
    );
  }
  return thrown;
}

/** Runs a better-auth call, turning its refusals into problems. */
export async function authCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (thrown) {
    throw authProblem(thrown);
  }
}
