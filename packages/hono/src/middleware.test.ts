import { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { rookery } from "./middleware.js";
import { as, type TestApp, testApp } from "./test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

describe("rookery() binds each request to its caller's scope", () => {
  it("answers 401 with a problem, and reads nothing, when nobody is signed in", async () => {
    const before = t.asCalls.length;
    const response = await t.app.request("/api/me");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({
      status: 401,
      code: "UNAUTHENTICATED",
      title: "Unauthenticated",
      detail: "Sign in first: this request carries no authenticated user.",
    });
    expect(t.asCalls.length).toBe(before);
  });

  it("makes the scope with one tenancy.as per request", async () => {
    const before = t.asCalls.length;
    for (const role of ["owner", "admin", "member"] as const) {
      const response = await t.app.request("/api/me", { headers: as(t.world.a.ids[role]) });
      expect(await response.json()).toMatchObject({
        userId: t.world.a.ids[role],
        tenantId: t.world.a.tenantId,
      });
    }
    expect(t.asCalls.slice(before)).toEqual([
      t.world.a.ids.owner,
      t.world.a.ids.admin,
      t.world.a.ids.member,
    ]);
  });

  it("passes a session's { userId, tenantId } to tenancy.as as it is", async () => {
    const { member } = t.world.b.ids;
    const response = await t.app.request("/api/me", { headers: as(member, t.world.b.tenantId) });
    expect(response.status).toBe(200);
    expect(t.asCalls.at(-1)).toEqual({ userId: member, tenantId: t.world.b.tenantId });
  });

  it("refuses a session naming a tenant that is not the user's, as NOT_FOUND", async () => {
    const response = await t.app.request("/api/me", {
      headers: as(t.world.a.ids.member, t.world.b.tenantId),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("binds the scope in tenancy.context when asked, and only then", async () => {
    const bound = await t.app.request("/api/me", { headers: as(t.world.b.ids.admin) });
    expect(await bound.json()).toMatchObject({ boundTenantId: t.world.b.tenantId });
    // Without `context: true`, tenancy.context.current() fails closed: NO_TENANT_CONTEXT, a 500.
    const unbound = await t.app.request("/unbound/me", { headers: as(t.world.b.ids.admin) });
    expect(unbound.status).toBe(500);
    expect(t.reports.at(-1)?.error).toMatchObject({ code: "NO_TENANT_CONTEXT" });
  });

  it("answers a suspended tenant's users 403 with the tenant's status", async () => {
    const local = await testApp();
    (await local.world.tenancy.platform.suspendTenant(local.world.a.tenantId))._unsafeUnwrap();
    const response = await local.app.request("/api/me", { headers: as(local.world.a.ids.owner) });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      code: "TENANT_INACTIVE",
      tenantStatus: "suspended",
    });
  });

  it("answers a problem under Hono's default error handler too", async () => {
    const bare = new Hono();
    bare.use(rookery({ tenancy: t.tenancy, identify: () => null }));
    bare.get("/", (c) => c.text("unreachable"));
    const response = await bare.request("/");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
