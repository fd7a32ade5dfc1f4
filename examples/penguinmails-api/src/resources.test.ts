import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "./server.js";
import { type Client, expectProblem, signedInAs, startSeeded } from "./testing/api-client.js";

let server: RunningServer;
let pat: Client;
let max: Client;
let kim: Client;
let kai: Client;
let seeded: NonNullable<RunningServer["seeded"]>;
beforeAll(async () => {
  ({ server } = await startSeeded());
  seeded = server.seeded as NonNullable<RunningServer["seeded"]>;
  ({ pat, max, kim, kai } = await signedInAs(server, "pat", "max", "kim", "kai"));
});
afterAll(() => server.close());

/** One resource of each workspace-scoped type, as the member of Acme makes it. */
const samples = {
  campaigns: { subject: "Summer sale" },
  domains: { hostname: "promo.acme.example" },
  contacts: { email: "road@acme.example", name: "Road Runner" },
} as const;

describe("workspace resources: campaigns, domains, contacts", () => {
  for (const [path, data] of Object.entries(samples)) {
    it(`lets an assigned member create, read, update, list and delete ${path}`, async () => {
      const acme = seeded.workspaces.acme;
      const made = await max.post(`/api/${path}`, { workspaceId: acme, data });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({ workspaceId: acme, data, version: 1 });
      expect((await max.get(`/api/${path}/${made.body.id}`)).body.id).toBe(made.body.id);
      const changed = { ...data, ...(path === "domains" ? { verified: true } : {}) };
      const updated = await max.put(`/api/${path}/${made.body.id}`, {
        data: changed,
        expectedVersion: 1,
      });
      expect(updated.body).toMatchObject({ data: changed, version: 2 });
      const stale = await max.put(`/api/${path}/${made.body.id}`, {
        data: changed,
        expectedVersion: 1,
      });
      expectProblem(stale, 409, "CONFLICT");
      const listed = await max.get(`/api/${path}?workspaceId=${acme}`);
      expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(made.body.id);
      expect((await max.delete(`/api/${path}/${made.body.id}`)).status).toBe(204);
      expectProblem(await max.get(`/api/${path}/${made.body.id}`), 404, "NOT_FOUND");
    });
  }

  it("refuses a member in a workspace not assigned to them, and lists only theirs", async () => {
    const globex = seeded.workspaces.globex;
    const refused = await max.post("/api/campaigns", {
      workspaceId: globex,
      data: { subject: "No" },
    });
    expectProblem(refused, 403, "FORBIDDEN");
    expect(refused.body.trace.at(-1)).toBe(
      `workspace: denied: workspace ${globex} is not assigned to the actor`,
    );
    expectProblem(await max.get(`/api/campaigns/${seeded.resources.quarterly}`), 403, "FORBIDDEN");
    const all = await max.get("/api/campaigns");
    expect(new Set(all.body.items.map((r: { workspaceId: string }) => r.workspaceId))).toEqual(
      new Set([seeded.workspaces.acme]),
    );
  });

  it("checks the data against the type's schema", async () => {
    const acme = seeded.workspaces.acme;
    const bad = await max.post("/api/contacts", { workspaceId: acme, data: { email: "nope" } });
    expectProblem(bad, 400, "VALIDATION");
    const missing = await max.post("/api/campaigns", { data: { subject: "Where?" } });
    expectProblem(missing, 400, "VALIDATION");
  });
});

describe("templates, shared by the company", () => {
  it("lets owners write and members read", async () => {
    const made = await pat.post("/api/templates", { data: { name: "Promo", html: "<p>Sale</p>" } });
    expect(made.status).toBe(201);
    expect(made.body.workspaceId).toBeNull();
    const seen = await max.get(`/api/templates/${made.body.id}`);
    expect(seen.body.data).toEqual({ name: "Promo", html: "<p>Sale</p>" });
    expect((await max.get("/api/templates")).body.items.length).toBe(2);
    const refused = await max.post("/api/templates", { data: { name: "Mine", html: "" } });
    expectProblem(refused, 403, "FORBIDDEN");
    expectProblem(
      await max.put(`/api/templates/${made.body.id}`, { data: { name: "X", html: "" } }),
      403,
      "FORBIDDEN",
    );
    expect(
      (await pat.put(`/api/templates/${made.body.id}`, { data: { name: "Promo 2", html: "" } }))
        .body.version,
    ).toBe(2);
    expect((await pat.delete(`/api/templates/${made.body.id}`)).status).toBe(204);
  });
});

describe("across tenants: Penguin Corp's ids from Krill Inc", () => {
  const absent = "0190a000-0000-7000-8000-00000000f00d";

  it("answers every read of another tenant's resource exactly as an id never used", async () => {
    for (const [path, key] of [
      ["campaigns", "spring"],
      ["domains", "acmeDomain"],
      ["contacts", "wile"],
      ["templates", "newsletter"],
    ] as const) {
      for (const client of [kim, kai]) {
        const foreign = await client.get(`/api/${path}/${seeded.resources[key]}`);
        const unknown = await client.get(`/api/${path}/${absent}`);
        expectProblem(foreign, 404, "NOT_FOUND");
        expect(foreign.text).toBe(unknown.text);
      }
    }
  });

  it("answers writes, deletes and creations in another tenant's workspace as absent ones", async () => {
    const foreignUpdate = await kim.put(`/api/campaigns/${seeded.resources.spring}`, {
      data: { subject: "Mine" },
    });
    const unknownUpdate = await kim.put(`/api/campaigns/${absent}`, { data: { subject: "Mine" } });
    expect(foreignUpdate.text).toBe(unknownUpdate.text);
    expectProblem(foreignUpdate, 404, "NOT_FOUND");
    const foreignDelete = await kim.delete(`/api/domains/${seeded.resources.acmeDomain}`);
    expect(foreignDelete.text).toBe((await kim.delete(`/api/domains/${absent}`)).text);
    const inAcme = await kim.post("/api/campaigns", {
      workspaceId: seeded.workspaces.acme,
      data: { subject: "Hi" },
    });
    const inNowhere = await kim.post("/api/campaigns", {
      workspaceId: absent,
      data: { subject: "Hi" },
    });
    expectProblem(inAcme, 404, "NOT_FOUND");
    expect(inAcme.text).toBe(inNowhere.text);
    // Penguin's campaign is untouched.
    expect((await pat.get(`/api/campaigns/${seeded.resources.spring}`)).body.data.subject).toBe(
      "Spring launch",
    );
  });

  it("answers another tenant's workspaces, members and invitations as absent ones", async () => {
    const pairs = [
      [`/api/workspaces/${seeded.workspaces.acme}`, `/api/workspaces/${absent}`],
      [`/api/members/${seeded.users["pat@penguin.example"]}`, `/api/members/${absent}`],
      [`/api/workspaces/${seeded.workspaces.acme}/settings`, `/api/workspaces/${absent}/settings`],
    ];
    for (const [foreign, unknown] of pairs) {
      const a = await kim.get(foreign ?? "");
      expectProblem(a, 404, "NOT_FOUND");
      expect(a.text).toBe((await kim.get(unknown ?? "")).text);
    }
    const assign = await kim.put(
      `/api/workspaces/${seeded.workspaces.acme}/members/${seeded.users["kai@krill.example"]}`,
    );
    expectProblem(assign, 404, "NOT_FOUND");
    const transfer = await kim.post("/api/ownership", {
      userId: seeded.users["pat@penguin.example"],
    });
    expectProblem(transfer, 404, "NOT_FOUND");
  });
});
