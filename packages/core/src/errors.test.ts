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
    expect(isRookeryError(RookeryErrors.invariant("x"))).toBe(true);
    expect(isRookeryError(new Error("x"))).toBe(false);
    expect(isRookeryError(null)).toBe(false);
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
