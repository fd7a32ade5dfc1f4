import { afterAll, describe, expect, it } from "vitest";
import { firstCalls } from "./first-calls.js";
import { startServer } from "./server.js";

describe("getting started: the first calls", async () => {
  const out = (await firstCalls())._unsafeUnwrap();

  it("provisions two tenants, each with its owner", () => {
    expect(out.penguin.tenant.name).toBe("Penguin Corp");
    expect(out.krill.tenant.id).not.toBe(out.penguin.tenant.id);
    expect(out.penguin.owner.role).toBe("owner");
  });

  it("creates a campaign through the owner's scope, in the workspace", () => {
    expect(out.campaign).toMatchObject({
      type: "campaign",
      workspaceId: out.acme.id,
      data: { subject: "Spring sale" },
    });
  });

  it("answers another tenant's campaign id NOT_FOUND, and a bad subject VALIDATION", () => {
    expect(out.peek._unsafeUnwrapErr()).toMatchObject({ code: "NOT_FOUND", entity: "resource" });
    const invalid = out.invalid._unsafeUnwrapErr();
    expect(invalid.code).toBe("VALIDATION");
    expect(JSON.stringify(invalid)).toContain("subject");
  });
});

describe("getting started: the HTTP routes on a real port", async () => {
  const started = (await startServer(0))._unsafeUnwrap();
  afterAll(() => started.close());
  const call = (path: string, token?: string, body?: unknown) =>
    fetch(`${started.url}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it("lists the caller's campaigns", async () => {
    const response = await call("/api/campaigns", "pat");
    expect(response.status).toBe(200);
    const items = (await response.json()) as { id: string }[];
    expect(items.map((c) => c.id)).toEqual([started.campaignId]);
  });

  it("creates a campaign with a checked body", async () => {
    const path = `/api/workspaces/${started.workspaceId}/campaigns`;
    const created = await call(path, "pat", { subject: "Hi" });
    expect(created.status).toBe(201);
    const refused = await call(path, "pat", { subject: 42 });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
  });

  it("answers 401 without a session, and 404 for another tenant's campaign or workspace", async () => {
    expect((await call("/api/campaigns")).status).toBe(401);
    const peek = await call(`/api/campaigns/${started.campaignId}`, "kim");
    expect(peek.status).toBe(404);
    expect(await peek.json()).toMatchObject({ code: "NOT_FOUND" });
    const path = `/api/workspaces/${started.workspaceId}/campaigns`;
    expect((await call(path, "kim", { subject: "Hi" })).status).toBe(404);
    expect((await call("/api/campaigns", "kim")).status).toBe(200);
  });
});
