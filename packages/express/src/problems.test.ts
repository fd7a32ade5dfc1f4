import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, postAs, STORE_SECRET, type TestApp, testApp } from "./test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

/** A request to the test app over the wire. */
const request = (app: TestApp, path: string, init: RequestInit = {}) =>
  fetch(`${app.base}${path}`, init);

const problemType = "application/problem+json";

describe("errors answer as problems", () => {
  it("answers a member calling an admin action 403, guarded by requirePermission", async () => {
    const response = await request(t, "/api/invitations", {
      method: "POST",
      headers: postAs(t.world.a.ids.member),
      body: JSON.stringify({ email: "new@a.example" }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe(problemType);
    expect(await response.json()).toEqual({
      type: "https://github.com/rookery-dev/rookery/blob/main/docs/http.md#forbidden",
      title: "Forbidden",
      status: 403,
      detail: "Not allowed: only owners and admins invite.",
      code: "FORBIDDEN",
    });
  });

  it("answers the policy's own refusal 403, its trace only where the app opts in", async () => {
    const post = (app: TestApp) =>
      request(app, "/api/workspaces", {
        method: "POST",
        headers: postAs(app.world.a.ids.member),
        body: JSON.stringify({ name: "Mine" }),
      });
    const hidden = await (await post(t)).json();
    expect(hidden).toMatchObject({ status: 403, code: "FORBIDDEN" });
    expect(hidden).not.toHaveProperty("trace");
    // The trace stays available to the application's logs.
    expect(t.reports.at(-1)?.error).toMatchObject({ code: "FORBIDDEN", trace: expect.any(Array) });
    const exposing = await testApp({ exposeTrace: true });
    try {
      const shown = (await (await post(exposing)).json()) as { trace: string[] };
      expect(shown.trace.length).toBeGreaterThan(1);
    } finally {
      await exposing.close();
    }
  });

  it("answers another tenant's id exactly as an id that was never used: 404", async () => {
    const get = (id: string) =>
      request(t, `/api/campaigns/${id}`, { headers: as(t.world.a.ids.owner) });
    const own = await get(t.world.a.campaign1);
    expect(own.status).toBe(200);
    const foreign = await get(t.world.b.campaign1);
    const absent = await get("0190a000-0000-7000-8000-00000000beef");
    expect(foreign.status).toBe(404);
    expect(absent.status).toBe(404);
    const [foreignBody, absentBody] = [await foreign.text(), await absent.text()];
    expect(foreignBody).toBe(absentBody);
    expect(JSON.parse(foreignBody)).toMatchObject({ code: "NOT_FOUND", entity: "resource" });
    expect(foreign.headers.get("content-type")).toBe(absent.headers.get("content-type"));
  });

  it("answers VALIDATION 400 naming every failed field, from the route's schema", async () => {
    const response = await request(t, "/api/campaigns", {
      method: "POST",
      headers: postAs(t.world.a.ids.owner),
      body: JSON.stringify({ workspaceId: t.world.a.ws1, subject: "", status: "lost", extra: 1 }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { issues: { path: string }[] };
    expect(body).toMatchObject({ code: "VALIDATION", title: "Invalid input" });
    expect(body.issues.map((issue) => issue.path).sort()).toEqual(["", "status", "subject"]);
  });

  it("answers VALIDATION 400 naming the field core refused", async () => {
    const response = await request(t, "/api/invitations", {
      method: "POST",
      headers: postAs(t.world.a.ids.owner),
      body: JSON.stringify({ email: "max(at)a.example" }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { issues: unknown }).issues).toEqual([
      { path: "email", message: "must be an e-mail address" },
    ]);
  });

  it("answers an oversized body 413 and malformed JSON 400", async () => {
    const post = (body: string, type = "application/json") =>
      request(t, "/api/campaigns", {
        method: "POST",
        headers: { ...as(t.world.a.ids.owner), "content-type": type },
        body,
      });
    const large = await post(JSON.stringify({ subject: "x".repeat(5000) }));
    expect(large.status).toBe(413);
    expect(await large.json()).toMatchObject({ code: "BODY_TOO_LARGE", maxBytes: 1024 });
    const malformed = await post('{"subject": "Hi",');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({
      code: "VALIDATION",
      issues: [{ path: "", message: "not valid JSON" }],
    });
    const text = await post("subject=Hi", "application/x-www-form-urlencoded");
    expect(text.status).toBe(415);
  });

  it("answers a store outage 503 with nothing of the store's message", async () => {
    t.store.down = true;
    try {
      for (const headers of [
        as(t.world.a.ids.owner), // tenancy.as reads: fails there
        as(t.world.a.ids.owner, t.world.a.tenantId), // reads nothing: the call's unit fails
      ]) {
        const response = await request(t, "/api/me", { headers });
        expect(response.status).toBe(503);
        const text = await response.text();
        expect(JSON.parse(text)).toEqual({
          type: "https://github.com/rookery-dev/rookery/blob/main/docs/http.md#unavailable",
          title: "Service unavailable",
          status: 503,
          detail: "The service is temporarily unavailable; retry later.",
          code: "UNAVAILABLE",
        });
        expect(text).not.toContain("db-7");
        expect(text).not.toContain("did not answer");
        // The application's report keeps the cause for its logs.
        const reported = t.reports.at(-1)?.error as { cause?: Error } | undefined;
        const cause = reported?.cause;
        expect(cause?.message).toBe(STORE_SECRET);
      }
    } finally {
      t.store.down = false;
    }
  });

  it("answers an unexpected exception 500 with a generic detail, and reports it", async () => {
    const response = await request(t, "/api/boom", { headers: as(t.world.a.ids.owner) });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ code: "INTERNAL", title: "Internal error" });
    expect(text).not.toContain("db-7");
    expect(t.reports.at(-1)?.thrown).toBeInstanceOf(Error);
    expect(t.reports.at(-1)?.error).toBeNull();
  });
});
