import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, type TestApp, testApp } from "./test-app.js";

interface MeBody {
  readonly userId: string;
  readonly tenantId: string;
  readonly boundTenantId: string;
  readonly campaignIds: readonly string[];
}

let t: TestApp;
let server: ReturnType<typeof serve>;
let base: string;

beforeAll(async () => {
  t = await testApp();
  server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: t.app.fetch, hostname: "127.0.0.1", port: 0 }, () =>
      resolve(started),
    );
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("on a real port", () => {
  it("answers a problem over the wire", async () => {
    const response = await fetch(`${base}/api/me`);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("keeps 200 interleaved requests of two tenants each in its own scope", async () => {
    const { a, b } = t.world;
    const own: Record<string, Set<string>> = {
      [a.tenantId]: new Set([a.campaign1, a.campaign2]),
      [b.tenantId]: new Set([b.campaign1, b.campaign2]),
    };
    const callers = Array.from({ length: 200 }, (_, i) => {
      const tenant = i % 2 === 0 ? a : b;
      const role = (["owner", "admin", "member"] as const)[i % 3] ?? "owner";
      return { tenantId: tenant.tenantId, userId: tenant.ids[role] };
    });
    const before = t.asCalls.length;
    const answers = await Promise.all(
      callers.map(async (caller) => {
        const response = await fetch(`${base}/api/me`, { headers: as(caller.userId) });
        return { caller, status: response.status, body: (await response.json()) as MeBody };
      }),
    );
    for (const { caller, status, body } of answers) {
      expect(status).toBe(200);
      expect(body.userId).toBe(caller.userId);
      expect(body.tenantId).toBe(caller.tenantId);
      expect(body.boundTenantId).toBe(caller.tenantId);
      expect(body.campaignIds.length).toBeGreaterThan(0);
      for (const id of body.campaignIds) expect(own[caller.tenantId]?.has(id)).toBe(true);
    }
    expect(t.asCalls.length - before).toBe(200);
  }, 120_000);
});
