import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "./server.js";
import { type Client, expectProblem, signedIn, startSeeded } from "./testing/api-client.js";

let server: RunningServer;
let pat: Client;
beforeAll(async () => {
  ({ server } = await startSeeded());
  pat = await signedIn(server, "pat@penguin.example");
});
afterAll(() => server.close());

describe("malformed and oversized requests", () => {
  it("answers 400 for malformed JSON, an empty body and a body that is not an object", async () => {
    const malformed = await pat.send("POST", "/api/workspaces", '{"name":');
    expectProblem(malformed, 400, "VALIDATION");
    expect(malformed.body.issues).toEqual([{ path: "", message: expect.any(String) }]);
    expectProblem(await pat.send("POST", "/api/workspaces", ""), 400, "VALIDATION");
    expectProblem(await pat.send("POST", "/api/campaigns", "[1,2]"), 400, "VALIDATION");
    expectProblem(await pat.send("POST", "/api/auth/sign-in", "{"), 400, "VALIDATION");
  });

  it("answers 413 over a route's limit, before reading the rest", async () => {
    const workspaceId = server.seeded?.workspaces.acme;
    const big = await pat.post("/api/campaigns", {
      workspaceId,
      data: { subject: "x".repeat(20_000) },
    });
    expectProblem(big, 413, "BODY_TOO_LARGE");
    expect(big.body.maxBytes).toBe(16_384);
    // Templates take a larger page of HTML, within their own limit.
    const html = "<p>".repeat(10_000);
    expect((await pat.post("/api/templates", { data: { name: "Big", html } })).status).toBe(201);
    const huge = await pat.post("/api/templates", { data: { name: "Huge", html: html.repeat(3) } });
    expectProblem(huge, 413, "BODY_TOO_LARGE");
    expectProblem(
      await pat.post("/api/signup", { name: "x".repeat(10_000) }),
      413,
      "BODY_TOO_LARGE",
    );
  });

  it("answers 415 for a body that is not JSON, and 400 for unknown keys", async () => {
    const form = await pat.send("POST", "/api/workspaces", "name=Evil", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expectProblem(form, 415, "UNSUPPORTED_MEDIA_TYPE");
    const extra = await pat.post("/api/workspaces", {
      name: "Ok",
      tenantId: server.seeded?.tenants.krill,
    });
    expectProblem(extra, 400, "VALIDATION");
    expect(extra.body.issues[0].path).toBe("");
    expectProblem(await pat.get("/api/members?tenantId=x"), 400, "VALIDATION");
  });

  it("answers 400 for ids that are not ids, naming the field", async () => {
    const bad = await pat.get("/api/campaigns/not-a-uuid");
    expectProblem(bad, 400, "VALIDATION");
    expectProblem(
      await pat.patch("/api/members/1'%20OR%201=1", { role: "admin" }),
      400,
      "VALIDATION",
    );
  });
});

describe("the edges of the API", () => {
  it("refuses a change sent from another site's page", async () => {
    const crossSite = await pat.send(
      "POST",
      "/api/workspaces",
      { name: "Sneaky" },
      { origin: "https://evil.example" },
    );
    expectProblem(crossSite, 403, "FORBIDDEN");
    const sameSite = await pat.send(
      "POST",
      "/api/workspaces",
      { name: "Fine" },
      { origin: server.url },
    );
    expect(sameSite.status).toBe(201);
  });

  it("answers an unknown route with a 404 problem, and serves the console at /", async () => {
    expectProblem(await pat.get("/api/nothing-here"), 404, "NOT_FOUND");
    const page = await pat.get("/");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect((await pat.get("/console.js")).headers.get("content-type")).toContain("javascript");
  });

  it("lists the demo logins on the in-memory seed", async () => {
    const logins = await pat.get("/api/demo/logins");
    expect(logins.body.map((l: { email: string; role: string }) => `${l.role} ${l.email}`)).toEqual(
      [
        "owner pat@penguin.example",
        "admin ada@penguin.example",
        "member max@penguin.example",
        "member mia@penguin.example",
        "owner kim@krill.example",
        "member kai@krill.example",
      ],
    );
  });
});
