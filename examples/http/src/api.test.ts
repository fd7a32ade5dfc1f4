import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expressApp } from "./express-app.js";
import { bearer, seed } from "./seed.js";
import { serveHono } from "./serve-hono.js";
import { appTenancy, SessionStore } from "./tenancy.js";

type Seeded = Awaited<ReturnType<typeof seed>>;
interface Api {
  readonly base: string;
  readonly seeded: Seeded;
  readonly logged: string[];
  close(): Promise<unknown>;
}

/** Both APIs of docs/http.md, each on its own real port over its own tenancy. */
const servers: Record<"hono" | "express", () => Promise<Api>> = {
  hono: async () => {
    let started: ReturnType<typeof serveHono> | undefined;
    await new Promise<void>((resolve) => {
      started = serveHono(0, resolve);
    });
    if (started === undefined) throw new Error("the server did not start");
    const { server, tenancy, sessions } = started;
    const port = (server.address() as AddressInfo).port;
    return {
      base: `http://127.0.0.1:${port}`,
      seeded: await seed(tenancy, sessions),
      logged: [],
      close: () => new Promise((resolve) => server.close(resolve)),
    };
  },
  express: async () => {
    const tenancy = appTenancy();
    const sessions = new SessionStore();
    const logged: string[] = [];
    const app = expressApp(tenancy, sessions, (line) => logged.push(line));
    const server: Server = await new Promise((resolve) => {
      const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
    });
    const port = (server.address() as AddressInfo).port;
    return {
      base: `http://127.0.0.1:${port}`,
      seeded: await seed(tenancy, sessions),
      logged,
      close: () => new Promise((resolve) => server.close(resolve)),
    };
  },
};

describe.each(Object.keys(servers) as ("hono" | "express")[])(
  "the %s API of docs/http.md",
  (name) => {
    let api: Api;
    beforeAll(async () => {
      api = await servers[name]();
    });
    afterAll(() => api.close());

    const get = (path: string, token?: string) =>
      fetch(`${api.base}${path}`, token === undefined ? {} : { headers: bearer(token) });
    const post = (path: string, token: string, body: string) =>
      fetch(`${api.base}${path}`, { method: "POST", headers: bearer(token, true), body });

    it("answers the caller's own campaign, and 401 without a session", async () => {
      const own = await get(`/api/campaigns/${api.seeded.launch}`, "pat-token");
      expect(await own.json()).toMatchObject({
        id: api.seeded.launch,
        data: { subject: "Launch" },
      });
      const anonymous = await get(`/api/campaigns/${api.seeded.launch}`);
      expect(anonymous.status).toBe(401);
    });

    it("answers another tenant's campaign 404, as an unknown id", async () => {
      const foreign = await get(`/api/campaigns/${api.seeded.krillCampaign}`, "pat-token");
      const unknown = await get("/api/campaigns/0190a000-0000-7000-8000-00000000f00d", "pat-token");
      expect(foreign.status).toBe(404);
      expect(await foreign.text()).toBe(await unknown.text());
    });

    it("creates a campaign, and names the fields of an invalid one", async () => {
      const body = JSON.stringify({ workspaceId: api.seeded.outreach, subject: "Spring" });
      expect((await post("/api/campaigns", "max-token", body)).status).toBe(201);
      const invalid = await post("/api/campaigns", "max-token", JSON.stringify({ subject: "" }));
      expect(invalid.status).toBe(400);
      const problem = (await invalid.json()) as { issues: { path: string }[] };
      expect(problem.issues.map((issue) => issue.path).sort()).toEqual(["subject", "workspaceId"]);
    });

    it("refuses a member's workspace, and lets the owner make one", async () => {
      const denied = await post("/api/workspaces", "max-token", JSON.stringify({ name: "Mine" }));
      expect(denied.status).toBe(403);
      expect(await denied.json()).toMatchObject({
        code: "FORBIDDEN",
        detail: "Not allowed: only owners and admins manage workspaces.",
      });
      const made = await post("/api/workspaces", "pat-token", JSON.stringify({ name: "Events" }));
      expect(made.status).toBe(201);
    });

    it("answers 413 over the limit and 400 for malformed JSON", async () => {
      const large = JSON.stringify({
        workspaceId: api.seeded.outreach,
        subject: "x".repeat(20_000),
      });
      expect((await post("/api/campaigns", "pat-token", large)).status).toBe(413);
      const malformed = await post("/api/campaigns", "pat-token", '{"subject":');
      expect(malformed.status).toBe(400);
    });

    if (name === "hono") {
      it("reaches the request's scope through tenancy.context", async () => {
        const stats = await get("/api/stats", "pat-token");
        // Launch, seeded, and Spring, created above.
        expect(await stats.json()).toEqual({ campaigns: 2 });
      });
    }
  },
);
