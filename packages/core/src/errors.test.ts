import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ERROR_CODES, httpStatusOf } from "./error-codes.js";
import { isRookeryError, RookeryErrors } from "./errors.js";
import { parseWith } from "./parse.js";

describe("errors", () => {
  it("compare by value, so tests and the proof campaign can use toEqual", () => {
    expect(RookeryErrors.notFound("workspace")).toEqual(RookeryErrors.notFound("workspace"));
    expect(RookeryErrors.limitExceeded("seats", 5)).toEqual({
      code: "LIMIT_EXCEEDED",
      message: "The plan allows at most 5 seats; upgrade the plan or free one first.",
      limit: "seats",
      max: 5,
    });
  });

  it("map every code to an HTTP status", () => {
    for (const code of Object.keys(ERROR_CODES) as (keyof typeof ERROR_CODES)[]) {
      expect(httpStatusOf(code)).toBeGreaterThanOrEqual(400);
    }
    expect(httpStatusOf("NOT_FOUND")).toBe(404);
    expect(httpStatusOf("FORBIDDEN")).toBe(403);
  });

  it("recognise a RookeryError and nothing else", () => {
    const ours = [
      RookeryErrors.invariant("x"),
      RookeryErrors.notFound("workspace"),
      RookeryErrors.validation([{ path: "name", message: "too long" }]),
      RookeryErrors.forbidden("no", ["step"]),
      RookeryErrors.limitExceeded("seats", 3),
      RookeryErrors.internal("x", new Error("driver")),
      JSON.parse(JSON.stringify(RookeryErrors.conflict("user", "taken"))),
    ];
    for (const error of ours) expect(isRookeryError(error), error.code).toBe(true);
    const pgError = Object.assign(new Error("duplicate key"), { code: "23505" });
    const nodeError = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    const notOurs = [
      new Error("x"),
      pgError,
      nodeError,
      // An Error instance that happens to use one of our codes is still not ours.
      Object.assign(new Error("gone"), { code: "NOT_FOUND", entity: "user" }),
      { code: "23505", message: "duplicate key value violates unique constraint" },
      { code: "NOT_FOUND", message: "no entity field" },
      { code: "VALIDATION", message: "issues missing" },
      { code: "LIMIT_EXCEEDED", message: "x", limit: "seats" },
      { code: "toString", message: "inherited key, not a code" },
      { code: "INVARIANT" },
      null,
      undefined,
      "NOT_FOUND",
      42,
    ];
    for (const value of notOurs) expect(isRookeryError(value), String(value)).toBe(false);
  });

  it("keep a cause for logs but never serialise it", () => {
    const cause = Object.assign(new Error("duplicate key"), { detail: "Key (email)=(a@b.c)" });
    const error = RookeryErrors.internal("The database refused a statement.", cause);
    expect(error.cause).toBe(cause);
    expect(JSON.stringify(error)).toBe(
      '{"code":"INTERNAL","message":"The database refused a statement."}',
    );
    expect({ ...error }).toEqual({
      code: "INTERNAL",
      message: "The database refused a statement.",
    });
    expect(JSON.stringify(RookeryErrors.unavailable("down", cause))).not.toMatch(/a@b\.c/);
  });

  it("answer 500 for a code that is not ours instead of throwing", () => {
    expect(httpStatusOf("23505" as never)).toBe(500);
    expect(httpStatusOf("toString" as never)).toBe(500);
  });

  it("keep every code a client can provoke below 500, and breaches at 5xx", () => {
    expect(httpStatusOf("ISOLATION_BREACH")).toBe(500);
    expect(httpStatusOf("CONFIGURATION")).toBe(500);
    expect(httpStatusOf("UNSUPPORTED")).toBe(501);
    expect(httpStatusOf("INVARIANT")).toBe(409);
  });
});

describe("parseWith", () => {
  const schema = z.strictObject({
    name: z.string().min(1),
    limits: z.object({ seats: z.number() }),
  });

  it("returns the parsed value", () => {
    expect(parseWith(schema, { name: "Acme", limits: { seats: 3 } })._unsafeUnwrap()).toEqual({
      name: "Acme",
      limits: { seats: 3 },
    });
  });

  it("names every failed field in the error", () => {
    const error = parseWith(
      schema,
      { name: "", limits: { seats: "3" } },
      "tenant",
    )._unsafeUnwrapErr();
    expect(error.code).toBe("VALIDATION");
    expect(error.issues.map((issue) => issue.path)).toEqual(["name", "limits.seats"]);
    expect(error.message).toMatch(/^Invalid tenant: name: .+; limits\.seats: .+/);
  });

  it("rejects unknown keys", () => {
    const error = parseWith(schema, {
      name: "a",
      limits: { seats: 1 },
      admin: true,
    })._unsafeUnwrapErr();
    expect(error.issues[0]?.message).toMatch(/admin/);
  });

  it("never throws, whatever the input", () => {
    for (const input of [undefined, null, 42, "x", [], { name: {} }]) {
      expect(parseWith(schema, input).isErr()).toBe(true);
    }
  });
});
