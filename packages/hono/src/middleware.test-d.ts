import type { PenguinScope, PenguinTenancy } from "@rookery/testing";
import { Hono } from "hono";
import { describe, expectTypeOf, it } from "vitest";
import { type RookeryEnv, rookery } from "./middleware.js";

declare const tenancy: PenguinTenancy;

describe("the scope's type on the context", () => {
  it("is the tenancy's scope on routes chained after the middleware", () => {
    new Hono().use(rookery({ tenancy, identify: () => null })).get("/", (c) => {
      expectTypeOf(c.var.scope).toEqualTypeOf<PenguinScope>();
      expectTypeOf(c.get("scope")).toEqualTypeOf<PenguinScope>();
      return c.text("ok");
    });
  });

  it("is the tenancy's scope on an app declared with RookeryEnv", () => {
    const app = new Hono<RookeryEnv<PenguinTenancy>>();
    app.get("/", (c) => {
      expectTypeOf(c.var.scope).toEqualTypeOf<PenguinScope>();
      // The resource types of the application's catalogue, and nothing else.
      expectTypeOf(c.var.scope.resources)
        .parameter(0)
        .toEqualTypeOf<"campaign" | "domain" | "contact" | "template">();
      return c.text("ok");
    });
  });

  it("takes an identity callback answering what tenancy.as takes, or null", () => {
    rookery({ tenancy, identify: async () => ({ userId: "u", tenantId: "t" }) });
    rookery({ tenancy, identify: (c) => c.req.header("x-user") });
    // @ts-expect-error a number is no identity
    rookery({ tenancy, identify: () => 42 });
  });
});
