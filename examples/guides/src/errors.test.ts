import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ERROR_CODES, type ErrorCode, httpStatusOf, RookeryErrors } from "@rookery/core";
import { describe, expect, it } from "vitest";
import { runErrorsGuide } from "./errors.js";
import { guidesDir } from "./snippets.js";

describe("the errors guide", async () => {
  const out = (await runErrorsGuide())._unsafeUnwrap();

  it("lists every error code with its HTTP status, as core defines them", () => {
    const markdown = readFileSync(join(guidesDir, "errors.md"), "utf8");
    const rows = [...markdown.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [
      m[1],
      Number(m[2]),
    ]);
    const codes = Object.keys(ERROR_CODES) as ErrorCode[];
    expect(rows).toEqual(codes.map((code) => [code, httpStatusOf(code)]));
  });

  it("answers a refused request with the status of its code", () => {
    expect(out.response.status).toBe(403);
    expect(out.response.body).toMatchObject({ code: "FORBIDDEN" });
    expect((out.response.body as { trace?: unknown }).trace).toEqual(
      out.denied.isErr() && out.denied.error.code === "FORBIDDEN" ? out.denied.error.trace : null,
    );
  });

  it("answers another tenant's id exactly like an id that does not exist", () => {
    const foreign = out.foreign._unsafeUnwrapErr();
    expect(foreign).toEqual({
      code: "NOT_FOUND",
      message: "No such resource.",
      entity: "resource",
    });
    expect(out.missing._unsafeUnwrapErr()).toEqual(foreign);
    expect(out.foreignWorkspace._unsafeUnwrapErr()).toMatchObject({ code: "NOT_FOUND" });
    expect(out.globexAfter.name).toBe("Globex Client");
  });

  it("explains a refusal inside the caller's own tenant", () => {
    const denied = out.denied._unsafeUnwrapErr();
    expect(denied.code).toBe("FORBIDDEN");
    const trace = denied.code === "FORBIDDEN" ? denied.trace : [];
    expect(trace[0]).toBe("denied (workspace-not-assigned) at the workspace step");
    expect(trace.map((line) => line.split(":")[0])).toEqual([
      "denied (workspace-not-assigned) at the workspace step",
      "tenant",
      "input",
      "role",
      "workspace",
    ]);
  });

  it("names each failed field of an invalid input", () => {
    expect(out.badData._unsafeUnwrapErr()).toMatchObject({
      code: "VALIDATION",
      issues: [
        { path: "data.subject", message: "Too small: expected string to have >=1 characters" },
      ],
    });
    expect(out.fields).toEqual([
      { path: "email", message: "must be an e-mail address" },
      { path: "name", message: "Too small: expected string to have >=1 characters" },
    ]);
  });

  it("maps every code, keeping causes out of the body", () => {
    const internal = out.toHttpResponse(RookeryErrors.internal("Boom.", new Error("secret")));
    expect(internal).toEqual({ status: 500, body: { code: "INTERNAL", message: "Boom." } });
    const limit = out.toHttpResponse(RookeryErrors.limitExceeded("seats", 4));
    expect(limit.status).toBe(402);
    expect(out.describeFailure(RookeryErrors.notFound("workspace"))).toBe(
      "NOT_FOUND: No such workspace.",
    );
    expect(out.describeFailure(new Error("x"))).toBe("unexpected failure");
  });
});
