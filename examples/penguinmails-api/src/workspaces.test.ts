import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "./server.js";
import { type Client, expectProblem, signedInAs, startSeeded } from "./testing/api-client.js";

let server: RunningServer;
let pat: Client;
let ada: Client;
let max: Client;
let kim: Client;
let maxId: string;
beforeAll(async () => {
  ({ server } = await startSeeded());
  maxId = server.seeded?.users["max@penguin.example"] ?? "";
  ({ pat, ada, max, kim } = await signedInAs(server, "pat", "ada", "max", "kim"));
});
afterAll(() => server.close());

const names = (answer: { body: { items: { name: string }[] } }) =>
  answer.body.items.map((w) => w.name).sort();

describe("workspaces", () => {
  it("shows owners and admins every workspace, and a member only their own", async () => {
    expect(names(await pat.get("/api/workspaces"))).toEqual(["Acme Client", "Globex Client"]);
    expect(names(await max.get("/api/workspaces"))).toEqual(["Acme Client"]);
    const globex = server.seeded?.workspaces.globex;
    // Inside his own company a refusal may say so: FORBIDDEN, with the policy's reason.
    const refused = await max.get(`/api/workspaces/${globex}`);
    expectProblem(refused, 403, "FORBIDDEN");
    expect(refused.body.detail).toBe(
      `Not allowed: workspace ${globex} is not assigned to the actor.`,
    );
  });

  it("lets owners and admins create and rename, and refuses a member", async () => {
    const made = await ada.post("/api/workspaces", { name: "Initech" });
    expect(made.status).toBe(201);
    const renamed = await pat.patch(`/api/workspaces/${made.body.id}`, { name: "Initech Client" });
    expect(renamed.body).toMatchObject({ name: "Initech Client", status: "active" });
    const refused = await max.post("/api/workspaces", { name: "Mine" });
    expectProblem(refused, 403, "FORBIDDEN");
    expect(refused.body.detail).toBe("Not allowed: role member is not granted workspace.create.");
  });

  it("assigns a member, who works there on the next call; unassigning takes it back", async () => {
    const globex = server.seeded?.workspaces.globex;
    const subject = { workspaceId: globex, data: { subject: "Globex news" } };
    expectProblem(await max.post("/api/campaigns", subject), 403, "FORBIDDEN");
    const assigned = await ada.put(`/api/workspaces/${globex}/members/${maxId}`);
    expect(assigned.body).toMatchObject({ workspaceId: globex, userId: maxId });
    expect(names(await max.get("/api/workspaces"))).toEqual(["Acme Client", "Globex Client"]);
    expect((await max.post("/api/campaigns", subject)).status).toBe(201);
    expect((await ada.delete(`/api/workspaces/${globex}/members/${maxId}`)).status).toBe(204);
    expect(names(await max.get("/api/workspaces"))).toEqual(["Acme Client"]);
    expectProblem(await max.put(`/api/workspaces/${globex}/members/${maxId}`), 403, "FORBIDDEN");
  });

  it("makes an archived workspace read-only, and deletes one with its resources", async () => {
    const made = await pat.post("/api/workspaces", { name: "Short-lived" });
    const id = made.body.id;
    const campaign = await pat.post("/api/campaigns", {
      workspaceId: id,
      data: { subject: "Soon gone" },
    });
    expect((await pat.post(`/api/workspaces/${id}/archive`)).body.status).toBe("archived");
    const blocked = await pat.post("/api/campaigns", {
      workspaceId: id,
      data: { subject: "Late" },
    });
    expectProblem(blocked, 409, "INVARIANT");
    expect((await pat.post(`/api/workspaces/${id}/unarchive`)).body.status).toBe("active");
    expect((await pat.delete(`/api/workspaces/${id}`)).status).toBe(204);
    expectProblem(await pat.get(`/api/campaigns/${campaign.body.id}`), 404, "NOT_FOUND");
  });

  it("keeps the plan's workspace limit: Krill's starter plan allows two", async () => {
    expect((await kim.post("/api/workspaces", { name: "Krill Events" })).status).toBe(201);
    const third = await kim.post("/api/workspaces", { name: "One too many" });
    expectProblem(third, 402, "LIMIT_EXCEEDED");
    expect(third.body).toMatchObject({ limit: "workspaces", max: 2 });
  });
});
