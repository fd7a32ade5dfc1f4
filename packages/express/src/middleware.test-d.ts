import type { PenguinScope, PenguinTenancy } from "@rookery/testing";
import type { Request } from "express";
import { describe, expectTypeOf, it } from "vitest";
import { rookery, scopeOf } from "./middleware.js";

declare const tenancy: PenguinTenancy;
declare const req: Request;

describe("the request's scope", () => {
  it("is typed by the tenancy passed to scopeOf", () => {
    expectTypeOf(scopeOf(req, tenancy)).toEqualTypeOf<PenguinScope>();
    expectTypeOf(scopeOf(req, tenancy).resources)
      .parameter(0)
      .toEqualTypeOf<"campaign" | "domain" | "contact" | "template">();
  });

  it("takes an identity callback answering what tenancy.as takes, or null", () => {
    rookery({ tenancy, identify: async () => ({ userId: "u", tenantId: "t" }) });
    rookery({ tenancy, identify: (r) => r.get("x-user") });
    // @ts-expect-error a number is no identity
    rookery({ tenancy, identify: () => 42 });
  });
});
