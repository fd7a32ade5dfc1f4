import { ERROR_CODES, type ErrorCode, RookeryErrors } from "@rookery/core";
import { err, ok } from "neverthrow";
import { describe, expect, it } from "vitest";
import { HttpErrors } from "./http-errors.js";
import { PROBLEM_CONTENT_TYPE, problemFromThrown, problemResponse, toProblem } from "./problem.js";
import { ProblemError, unwrap } from "./problem-error.js";

const docs = "https://github.com/rookery-dev/rookery/blob/main/docs/http.md#";

describe("toProblem", () => {
  it("answers a 4xx with the status of core's table, the code and the error's message", () => {
    expect(toProblem(RookeryErrors.notFound("resource"))).toEqual({
      type: `${docs}not-found`,
      title: "Not found",
      status: 404,
      detail: "No such resource.",
      code: "NOT_FOUND",
      entity: "resource",
    });
    expect(toProblem(RookeryErrors.invariant("The owner cannot leave."))).toMatchObject({
      status: 409,
      code: "INVARIANT",
      detail: "The owner cannot leave.",
    });
  });

  it("names every failed field of a VALIDATION", () => {
    const error = RookeryErrors.validation([
      { path: "email", message: "must be an e-mail address" },
      { path: "data.subject", message: "Too small" },
    ]);
    expect(toProblem(error)).toMatchObject({
      status: 400,
      code: "VALIDATION",
      issues: [
        { path: "email", message: "must be an e-mail address" },
        { path: "data.subject", message: "Too small" },
      ],
    });
  });

  it("shows a FORBIDDEN trace only when the application opts in", () => {
    const error = RookeryErrors.forbidden("Not allowed: role member lacks members.add.", [
      "denied (role) at the role step",
    ]);
    const hidden = toProblem(error);
    expect(hidden).toMatchObject({ status: 403, code: "FORBIDDEN", detail: error.message });
    expect(hidden).not.toHaveProperty("trace");
    expect(toProblem(error, { exposeTrace: true }).trace).toEqual([
      "denied (role) at the role step",
    ]);
  });

  it("carries the limit of LIMIT_EXCEEDED and the tenant's status of TENANT_INACTIVE", () => {
    expect(toProblem(RookeryErrors.limitExceeded("seats", 3))).toMatchObject({
      status: 402,
      limit: "seats",
      max: 3,
    });
    const inactive = toProblem(RookeryErrors.tenantInactive("suspended"));
    // `status` is the HTTP status in a problem; the tenant's goes under its own name.
    expect(inactive).toMatchObject({ status: 403, tenantStatus: "suspended" });
    const readOnly = toProblem(RookeryErrors.subscriptionInactive("canceled"));
    expect(readOnly).toMatchObject({ status: 402, subscriptionStatus: "canceled" });
  });

  it("answers the HTTP layer's own errors", () => {
    expect(toProblem(HttpErrors.unauthenticated())).toMatchObject({
      status: 401,
      code: "UNAUTHENTICATED",
      title: "Unauthenticated",
    });
    expect(toProblem(HttpErrors.bodyTooLarge(1024))).toMatchObject({ status: 413, maxBytes: 1024 });
    expect(toProblem(HttpErrors.unsupportedMediaType())).toMatchObject({ status: 415 });
  });

  it("gives every 5xx a generic detail, and every 500 the code INTERNAL", () => {
    const secret = "connection to 10.0.0.7 refused for tenant 0190-secret";
    const cause = new Error(`pg: ${secret}`);
    const fiveHundreds = (Object.keys(ERROR_CODES) as ErrorCode[]).filter(
      (code) => ERROR_CODES[code].httpStatus === 500,
    );
    expect(fiveHundreds).toEqual([
      "NO_TENANT_CONTEXT",
      "CONFIGURATION",
      "ISOLATION_BREACH",
      "INTERNAL",
    ]);
    const errors = [
      RookeryErrors.internal(secret, cause),
      RookeryErrors.noTenantContext(secret),
      RookeryErrors.configuration(secret),
      RookeryErrors.isolationBreach(secret),
    ];
    for (const error of errors) {
      const problem = toProblem(error, { exposeTrace: true });
      expect(problem).toEqual({
        type: `${docs}internal`,
        title: "Internal error",
        status: 500,
        detail: "The server could not complete the request; the failure was logged.",
        code: "INTERNAL",
      });
    }
    const unavailable = toProblem(RookeryErrors.unavailable(secret, cause));
    expect(unavailable).toMatchObject({ status: 503, code: "UNAVAILABLE" });
    expect(toProblem(RookeryErrors.unsupported(secret))).toMatchObject({
      status: 501,
      code: "UNSUPPORTED",
    });
    for (const problem of [unavailable, toProblem(RookeryErrors.unsupported(secret))]) {
      expect(JSON.stringify(problem)).not.toContain("secret");
      expect(JSON.stringify(problem)).not.toContain("10.0.0.7");
    }
  });

  it("never carries a cause, even a 4xx error's", () => {
    const error = Object.assign(RookeryErrors.conflict("user", "Taken."), { cause: "row 42" });
    expect(toProblem(error)).not.toHaveProperty("cause");
    expect(JSON.stringify(toProblem(error))).not.toContain("row 42");
  });

  it("takes another base for the problem types", () => {
    expect(toProblem(HttpErrors.unauthenticated(), { typeBase: "/problems/" }).type).toBe(
      "/problems/unauthenticated",
    );
  });
});

describe("problemFromThrown", () => {
  it("maps a thrown ProblemError or Rookery error, and anything else to a generic 500", () => {
    expect(problemFromThrown(new ProblemError(RookeryErrors.notFound("workspace")))).toMatchObject({
      status: 404,
      entity: "workspace",
    });
    expect(problemFromThrown(RookeryErrors.limitExceeded("workspaces", 2))).toMatchObject({
      status: 402,
    });
    for (const thrown of [new TypeError("x is undefined"), "boom", null, { code: "23505" }]) {
      expect(problemFromThrown(thrown)).toMatchObject({
        status: 500,
        code: "INTERNAL",
        detail: "The server could not complete the request; the failure was logged.",
      });
    }
  });
});

describe("ProblemError and unwrap", () => {
  it("unwraps an Ok and throws a ProblemError for an Err", () => {
    expect(unwrap(ok(3))).toBe(3);
    const error = RookeryErrors.forbidden("Not allowed.", ["secret step"]);
    expect(() => unwrap(err(error))).toThrow(ProblemError);
    try {
      unwrap(err(error));
    } catch (thrown) {
      expect((thrown as ProblemError).error).toBe(error);
    }
  });

  it("answers a problem+json response with default options: no trace", async () => {
    const response = new ProblemError(
      RookeryErrors.forbidden("Not allowed.", ["secret step"]),
    ).getResponse();
    expect(response.status).toBe(403);
    expect(new ProblemError(RookeryErrors.notFound("user")).status).toBe(404);
    expect(response.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE);
    const body = await response.json();
    expect(body).toMatchObject({ code: "FORBIDDEN", detail: "Not allowed." });
    expect(body).not.toHaveProperty("trace");
  });

  it("builds a response from any problem", async () => {
    const response = problemResponse(toProblem(HttpErrors.bodyTooLarge(10)));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ maxBytes: 10 });
  });
});
