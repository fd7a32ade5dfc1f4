import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "./server.js";
import {
  type Client,
  expectProblem,
  Client as NewClient,
  signedIn,
  signedInAs,
  startSeeded,
} from "./testing/api-client.js";

let server: RunningServer;
let pat: Client;
let ada: Client;
let max: Client;
beforeAll(async () => {
  ({ server } = await startSeeded());
  ({ pat, ada, max } = await signedInAs(server, "pat", "ada", "max"));
});
afterAll(() => server.close());

/** Someone new signs up (an account with no company), as an invitee does first. */
async function newcomer(email: string): Promise<Client> {
  const client = new NewClient(server.url);
  const made = await client.post("/api/auth/sign-up", {
    name: email,
    email,
    password: "joining-penguins",
  });
  expect(made.status).toBe(201);
  return client;
}

describe("invitations, the inviter's side", () => {
  it("lets owners and admins invite, with the token shown once", async () => {
    const byPat = await pat.post("/api/invitations", {
      email: "nia@penguin.example",
      role: "admin",
    });
    expect(byPat.status).toBe(201);
    expect(byPat.body.invitation).toMatchObject({
      email: "nia@penguin.example",
      role: "admin",
      status: "pending",
    });
    expect(byPat.body.token).toMatch(/^rki_/);
    const byAda = await ada.post("/api/invitations", {
      email: "noa@penguin.example",
      workspaceIds: [server.seeded?.workspaces.acme],
    });
    expect(byAda.status).toBe(201);
    const listed = await ada.get("/api/invitations?status=pending");
    const emails = listed.body.items.map((i: { email: string }) => i.email);
    expect(emails).toEqual(expect.arrayContaining(["nia@penguin.example", "noa@penguin.example"]));
  });

  it("refuses a member (403 with the policy's trace), an owner role (400) and a second live invitation (409)", async () => {
    const byMax = await max.post("/api/invitations", { email: "zoe@penguin.example" });
    expectProblem(byMax, 403, "FORBIDDEN");
    expect(byMax.body.trace.at(-1)).toBe("role: denied: role member is not granted member.add");
    expectProblem(
      await pat.post("/api/invitations", { email: "zoe@penguin.example", role: "owner" }),
      400,
      "VALIDATION",
    );
    expect((await pat.post("/api/invitations", { email: "zoe@penguin.example" })).status).toBe(201);
    expectProblem(
      await pat.post("/api/invitations", { email: "zoe@penguin.example" }),
      409,
      "CONFLICT",
    );
  });

  it("revokes and resends: the old token dies each time", async () => {
    const issued = await pat.post("/api/invitations", { email: "rev@penguin.example" });
    const resent = await pat.post(`/api/invitations/${issued.body.invitation.id}/resend`);
    expect(resent.status).toBe(200);
    const anyone = new NewClient(server.url);
    expectProblem(
      await anyone.post("/api/join/inspect", { token: issued.body.token }),
      404,
      "NOT_FOUND",
    );
    expect((await anyone.post("/api/join/inspect", { token: resent.body.token })).status).toBe(200);
    const revoked = await ada.post(`/api/invitations/${issued.body.invitation.id}/revoke`);
    expect(revoked.body.status).toBe("revoked");
    expectProblem(
      await anyone.post("/api/join/inspect", { token: resent.body.token }),
      404,
      "NOT_FOUND",
    );
    expectProblem(
      await ada.post(`/api/invitations/${issued.body.invitation.id}/revoke`),
      409,
      "INVARIANT",
    );
  });
});

describe("invitations, the invitee's side", () => {
  it("shows the invitation to the token's holder, then the signed-up invitee accepts", async () => {
    const acme = server.seeded?.workspaces.acme;
    const issued = await pat.post("/api/invitations", {
      email: "ivy@penguin.example",
      workspaceIds: [acme],
    });
    const preview = await new NewClient(server.url).post("/api/join/inspect", {
      token: issued.body.token,
    });
    expect(preview.body).toMatchObject({
      tenant: { name: "Penguin Corp" },
      email: "ivy@penguin.example",
      role: "member",
    });

    const ivy = await newcomer("ivy@penguin.example");
    const accepted = await ivy.post("/api/join/accept", { token: issued.body.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      role: "member",
      tenantId: server.seeded?.tenants.penguin,
    });
    // Ivy works in her assigned workspace at once, through the session's remembered tenant.
    const workspaces = await ivy.get("/api/workspaces");
    expect(workspaces.body.items.map((w: { name: string }) => w.name)).toEqual(["Acme Client"]);
    expectProblem(
      await ivy.post("/api/join/accept", { token: issued.body.token }),
      404,
      "NOT_FOUND",
    );
  });

  it("needs a session to accept, and the invited address", async () => {
    const issued = await pat.post("/api/invitations", { email: "una@penguin.example" });
    expectProblem(
      await new NewClient(server.url).post("/api/join/accept", { token: issued.body.token }),
      401,
      "UNAUTHENTICATED",
    );
    const other = await newcomer("someone-else@penguin.example");
    expectProblem(
      await other.post("/api/join/accept", { token: issued.body.token }),
      403,
      "FORBIDDEN",
    );
  });

  it("tells an invitee of another tenant CONFLICT, and the inviter nothing", async () => {
    const issued = await pat.post("/api/invitations", { email: "kai@krill.example" });
    const kai = await signedIn(server, "kai@krill.example");
    const refused = await kai.post("/api/join/accept", { token: issued.body.token });
    expectProblem(refused, 409, "CONFLICT");
    expect(refused.body.detail).toBe(
      "You already belong to another organisation; leave it before accepting.",
    );
    // For Pat the invitation simply stays pending, as for someone who has not answered yet.
    const listed = await pat.get("/api/invitations?status=pending");
    const kais = listed.body.items.find((i: { email: string }) => i.email === "kai@krill.example");
    expect(kais).toMatchObject({ status: "pending" });
    expect((await kai.get("/api/tenant")).body.name).toBe("Krill Inc");
  });

  it("lets the token's holder decline: the token is dead afterwards", async () => {
    const issued = await ada.post("/api/invitations", { email: "dee@penguin.example" });
    expect(
      (await new NewClient(server.url).post("/api/join/decline", { token: issued.body.token }))
        .status,
    ).toBe(204);
    const dee = await newcomer("dee@penguin.example");
    expectProblem(
      await dee.post("/api/join/accept", { token: issued.body.token }),
      404,
      "NOT_FOUND",
    );
    expectProblem(
      await dee.post("/api/join/inspect", { token: "rki_forged-token" }),
      404,
      "NOT_FOUND",
    );
  });
});
