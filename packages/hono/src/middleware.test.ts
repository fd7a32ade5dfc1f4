import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "../../http/test-support/binding-suite.js";
import { rookery } from "./middleware.js";
import { type TestApp, testApp } from "./test-app.js";

// What every binding does is in the binding suite (binding.test.ts); these are Hono's own.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe("rookery() on Hono", () => {
  it("answers a problem under Hono's default error handler too", async () => {
    const bare = new Hono();
    bare.use(rookery({ tenancy: t.tenancy, identify: () => null }));
    bare.get("/", (c) => c.text("unreachable"));
    const response = await bare.request("/");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("serves the same app in-process through app.request, without a port", async () => {
    const response = await t.app.request("/api/me", { headers: as(t.world.a.ids.member) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      userId: t.world.a.ids.member,
      tenantId: t.world.a.tenantId,
    });
  });
});
