import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as } from "../../http/test-support/binding-suite.js";
import { rookery } from "./middleware.js";
import { type TestApp, testApp } from "./test-app.js";

// What every binding does is in the binding suite (binding.test.ts); these are Express's own.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe("rookery() on Express", () => {
  it("fails closed on a route rookery() did not bind: scopeOf answers a 500 problem", async () => {
    const response = await fetch(`${t.base}/unscoped`, { headers: as(t.world.a.ids.owner) });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ code: "INTERNAL" });
    expect(t.reports.at(-1)?.error).toMatchObject({ code: "NO_TENANT_CONTEXT" });
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
