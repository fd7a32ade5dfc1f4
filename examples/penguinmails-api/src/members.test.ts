import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "./server.js";
import { type Client, expectProblem, signedInAs, startSeeded } from "./testing/api-client.js";

let server: RunningServer;
let pat: Client;
let ada: Client;
let max: Client;
let mia: Client;
let users: Record<string, string>;
beforeAll(async () => {
  ({ server } = await startSeeded());
  users = server.seeded?.users ?? {};
  ({ pat, ada, max, mia } = await signedInAs(server, "pat", "ada", "max", "mia"));
});
afterAll(() => server.close());

const emails = (answer: { body: { items: { email: string }[] } }) =>
  answer.body.items.map((m) => m.email).sort();

describe("members and roles", () => {
  it("shows owners and admins everyone, and a member the people of their workspaces", async () => {
    expect(emails(await ada.get("/api/members"))).toEqual([
      "ada@penguin.example",
      "max@penguin.example",
      "mia@penguin.example",
      "pat@penguin.example",
    ]);
    const seenByMax = emails(await max.get("/api/members"));
    expect(seenByMax).toContain("max@penguin.example");
    expect(seenByMax).not.toContain("mia@penguin.example");
  });

  it("lets an admin change a member's role, in force on the member's very next call", async () => {
    expectProblem(await mia.post("/api/workspaces", { name: "Mine" }), 403, "FORBIDDEN");
    const promoted = await ada.patch(`/api/members/${users["mia@penguin.example"]}`, {
      role: "admin",
    });
    expect(promoted.body).toMatchObject({ role: "admin", email: "mia@penguin.example" });
    expect((await mia.post("/api/workspaces", { name: "Mia's" })).status).toBe(201);
    await ada.patch(`/api/members/${users["mia@penguin.example"]}`, { role: "member" });
    expectProblem(await mia.post("/api/workspaces", { name: "Again" }), 403, "FORBIDDEN");
  });

  it("explains why nobody but a transfer changes the owner's role (403 with the trace)", async () => {
    const refused = await ada.patch(`/api/members/${users["pat@penguin.example"]}`, {
      role: "member",
    });
    expectProblem(refused, 403, "FORBIDDEN");
    expect(refused.body.detail).toBe(
      "Not allowed: the owner's role changes only by transferring ownership.",
    );
    expect(refused.body.trace[0]).toBe("denied (owner-protected) at the owner step");
    expectProblem(
      await pat.patch(`/api/members/${users["max@penguin.example"]}`, { role: "owner" }),
      403,
      "FORBIDDEN",
    );
  });

  it("refuses a member who changes roles or removes people", async () => {
    expectProblem(
      await max.patch(`/api/members/${users["mia@penguin.example"]}`, { role: "admin" }),
      403,
      "FORBIDDEN",
    );
    expectProblem(
      await max.delete(`/api/members/${users["ada@penguin.example"]}`),
      403,
      "FORBIDDEN",
    );
  });
});

describe("ownership and removal", () => {
  it("refuses a transfer by an admin, and lets the owner hand over atomically", async () => {
    expectProblem(
      await ada.post("/api/ownership", { userId: users["ada@penguin.example"] }),
      403,
      "FORBIDDEN",
    );
    const moved = await pat.post("/api/ownership", { userId: users["ada@penguin.example"] });
    expect(moved.body).toMatchObject({ role: "owner", email: "ada@penguin.example" });
    expect((await pat.get("/api/me/permissions")).body.role).toBe("admin");
    expectProblem(await pat.get("/api/subscription"), 403, "FORBIDDEN");
    expect((await ada.get("/api/subscription")).status).toBe(200);
    // And back, so the owner of the seed is Pat again.
    await ada.post("/api/ownership", { userId: users["pat@penguin.example"] });
    expect((await pat.get("/api/me/permissions")).body.role).toBe("owner");
  });

  it("removes a member, who is refused on the very next call", async () => {
    expect((await max.get("/api/workspaces")).status).toBe(200);
    expect((await pat.delete(`/api/members/${users["max@penguin.example"]}`)).status).toBe(204);
    expectProblem(await max.get("/api/workspaces"), 404, "NOT_FOUND");
    expectProblem(await pat.get(`/api/members/${users["max@penguin.example"]}`), 404, "NOT_FOUND");
  });

  it("lets a member leave, but not the owner", async () => {
    expectProblem(await pat.delete("/api/me/membership"), 409, "INVARIANT");
    expect((await mia.delete("/api/me/membership")).status).toBe(204);
    expectProblem(await mia.get("/api/me/permissions"), 404, "NOT_FOUND");
  });
});
