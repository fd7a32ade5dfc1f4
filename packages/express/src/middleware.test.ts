import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rookery } from "./middleware.js";
import { as, type TestApp, testApp } from "./test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${t.base}${path}`, { headers });

describe("rookery() binds each request to its caller's scope", () => {
  it("answers 401 with a problem, and reads nothing, when nobody is signed in", async () => {
    const before = t.asCalls.length;
    const response = await get("/api/me");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({
      status: 401,
      code: "UNAUTHENTICATED",
      detail: "Sign in first: this request carries no authenticated user.",
    });
    expect(t.asCalls.length).toBe(before);
  });

  it("makes the scope with one tenancy.as per request", async () => {
    const before = t.asCalls.length;
    for (const role of ["owner", "admin", "member"] as const) {
      const response = await get("/api/me", as(t.world.a.ids[role]));
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

  it("passes a session's { userId, tenantId } to tenancy.as, and refuses a wrong tenant as NOT_FOUND", async () => {
    const { member } = t.world.b.ids;
    expect((await get("/api/me", as(member, t.world.b.tenantId))).status).toBe(200);
    expect(t.asCalls.at(-1)).toEqual({ userId: member, tenantId: t.world.b.tenantId });
    const wrong = await get("/api/me", as(member, t.world.a.tenantId));
    expect(wrong.status).toBe(404);
  });

  it("binds the scope in tenancy.context when asked, and only then", async () => {
    const bound = await get("/api/me", as(t.world.b.ids.admin));
    expect(await bound.json()).toMatchObject({ boundTenantId: t.world.b.tenantId });
    const unbound = await get("/unbound/me", as(t.world.b.ids.admin));
    expect(unbound.status).toBe(500);
    expect(t.reports.at(-1)?.error).toMatchObject({ code: "NO_TENANT_CONTEXT" });
  });

  it("fails closed on a route rookery() did not bind: scopeOf answers a 500 problem", async () => {
    const response = await get("/unscoped", as(t.world.a.ids.owner));
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ code: "INTERNAL" });
    expect(t.reports.at(-1)?.error).toMatchObject({ code: "NO_TENANT_CONTEXT" });
  });

  it("answers a suspended tenant's users 403 with the tenant's status", async () => {
    const local = await testApp();
    try {
      (await local.world.tenancy.platform.suspendTenant(local.world.a.tenantId))._unsafeUnwrap();
      const response = await fetch(`${local.base}/api/me`, {
        headers: as(local.world.a.ids.owner),
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({
        code: "TENANT_INACTIVE",
        tenantStatus: "suspended",
      });
    } finally {
      await local.close();
    }
  });

  it("hands an unbound request to Express's own handler when no problemHandler is installed", async () => {
    const bare = express();
    bare.use(rookery({ tenancy: t.tenancy, identify: () => null }));
    bare.get("/", (_req, res) => {
      res.send("unreachable");
    });
    const server = bare.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const { port } = server.address() as { port: number };
      // Express's final handler answers the problem's status, in its own format.
      const response = await fetch(`http://127.0.0.1:${port}/`);
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain("unreachable");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
