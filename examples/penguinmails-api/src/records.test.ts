import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "./server.js";
import { type Client, expectProblem, signedInAs, startSeeded } from "./testing/api-client.js";

let server: RunningServer;
let pat: Client;
let ada: Client;
let max: Client;
let kim: Client;
beforeAll(async () => {
  ({ server } = await startSeeded());
  ({ pat, ada, max, kim } = await signedInAs(server, "pat", "ada", "max", "kim"));
});
afterAll(() => server.close());

describe("permissions for the console", () => {
  it("answers scope.permissions() for each role", async () => {
    const { acme = "", globex = "" } = server.seeded?.workspaces ?? {};
    const owner = (await pat.get("/api/me/permissions")).body;
    expect(owner.role).toBe("owner");
    expect(owner.tenant).toEqual(
      expect.arrayContaining(["billing.update", "member.add", "audit.read"]),
    );
    expect(Object.keys(owner.workspaces).sort()).toEqual([acme, globex].sort());
    const admin = (await ada.get("/api/me/permissions")).body;
    expect(admin.tenant).toContain("member.add");
    expect(admin.tenant).not.toContain("billing.update");
    const member = (await max.get("/api/me/permissions")).body;
    expect(member).toMatchObject({
      role: "member",
      workspaceIds: [acme],
      tenant: ["template.read", "tenant.read", "settings.read"],
    });
    expect(Object.keys(member.workspaces)).toEqual([acme]);
    expect(member.workspaces[acme]).toContain("campaign.create");
  });

  it("explains what each role may not do, in the policy's words", async () => {
    expect((await pat.get("/api/me/denials")).body).toEqual({
      tenant: [],
      workspaces: expect.any(Object),
    });
    const admin = (await ada.get("/api/me/denials")).body;
    expect(admin.tenant.map((d: { action: string }) => d.action).sort()).toEqual([
      "billing.read",
      "billing.update",
      "tenant.delete",
      "tenant.transfer-ownership",
    ]);
    const member = (await max.get("/api/me/denials")).body;
    const invite = member.tenant.find((d: { action: string }) => d.action === "member.add");
    expect(invite).toMatchObject({ detail: "role member is not granted member.add" });
    expect(invite.trace.at(-1)).toBe("role: denied: role member is not granted member.add");
    // The same words the refused call answers with.
    const create = member.tenant.find((d: { action: string }) => d.action === "workspace.create");
    const refused = await max.post("/api/workspaces", { name: "Mine" });
    expect(refused.body.trace).toEqual(create.trace);
    const acme = server.seeded?.workspaces.acme ?? "";
    expect(member.workspaces[acme].map((d: { action: string }) => d.action)).toContain(
      "workspace.assign",
    );
  });
});

describe("the audit log", () => {
  it("records the company's changes for owners and admins, and refuses members", async () => {
    await pat.patch("/api/settings", { dailySendLimit: 900 });
    const page = await ada.get("/api/audit?limit=500");
    const actions = page.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "tenant.provision",
        "invitation.accept",
        "member.add",
        "campaign.create",
        "settings.update",
      ]),
    );
    expect(
      page.body.items.every(
        (e: { tenantId: string }) => e.tenantId === server.seeded?.tenants.penguin,
      ),
    ).toBe(true);
    const first = await ada.get("/api/audit?limit=2");
    const second = await ada.get(`/api/audit?limit=2&after=${first.body.next}`);
    expect(second.body.items[0].id).toBe(page.body.items[2].id);
    expectProblem(await max.get("/api/audit"), 403, "FORBIDDEN");
    expectProblem(await ada.get("/api/audit?limit=0"), 400, "VALIDATION");
  });
});

describe("the tenant export", () => {
  it("gives the owner everything the company owns, and nothing of another", async () => {
    const exported = await pat.get("/api/export");
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toContain("attachment");
    const body = exported.body;
    expect(body).toMatchObject({
      format: "rookery.tenant-export/1",
      tenant: { name: "Penguin Corp" },
    });
    expect(body.users.map((u: { email: string }) => u.email).sort()).toEqual([
      "ada@penguin.example",
      "max@penguin.example",
      "mia@penguin.example",
      "pat@penguin.example",
    ]);
    expect(body.workspaces).toHaveLength(2);
    expect(body.resources).toHaveLength(8);
    expect(exported.text).not.toContain("krill");
    expect(exported.text).not.toMatch(/tokenHash|secret/i);
  });

  it("is the owner's alone", async () => {
    expectProblem(await ada.get("/api/export"), 403, "FORBIDDEN");
    expectProblem(await max.get("/api/export"), 403, "FORBIDDEN");
    const krill = await kim.get("/api/export");
    expect(krill.body.tenant.name).toBe("Krill Inc");
    expect(krill.text).not.toContain("penguin");
  });
});
