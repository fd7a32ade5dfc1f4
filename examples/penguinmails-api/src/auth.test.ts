import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "./server.js";
import { Client, expectProblem, PASSWORD, signedIn, startSeeded } from "./testing/api-client.js";

let server: RunningServer;
let logged: string[];
beforeAll(async () => {
  ({ server, logged } = await startSeeded());
});
afterAll(() => server.close());

describe("signup: a better-auth account, then a company with Rookery", () => {
  it("makes the account, the company and its first workspace, and signs the founder in", async () => {
    const founder = new Client(server.url);
    const made = await founder.post("/api/signup", {
      name: "Sam Seal",
      email: "sam@seal.example",
      password: "sealed-and-sent",
      company: "Seal Co",
      plan: "growth",
      workspace: "Harbour",
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      user: { email: "sam@seal.example", name: "Sam Seal" },
      tenant: { name: "Seal Co", status: "active" },
      workspace: { name: "Harbour" },
    });
    expect(founder.cookie).not.toBeNull();
    const me = await founder.get("/api/me/permissions");
    expect(me.body).toMatchObject({ role: "owner", tenantId: made.body.tenant.id });
    const subscription = await founder.get("/api/subscription");
    expect(subscription.body).toMatchObject({ plan: "growth", status: "active" });
  });

  it("keeps the tenant in the session, so requests hand Rookery both ids", async () => {
    const pat = await signedIn(server, "pat@penguin.example");
    const session = await server.auth.api.getSession({
      headers: new Headers({ cookie: pat.cookie ?? "" }),
    });
    expect(session?.session).toMatchObject({
      rookeryUserId: server.seeded?.users["pat@penguin.example"],
      rookeryTenantId: server.seeded?.tenants.penguin,
    });
  });

  it("refuses an e-mail that has an account (409) and names the fields of a bad body (400)", async () => {
    const again = await new Client(server.url).post("/api/signup", {
      name: "Pat again",
      email: "pat@penguin.example",
      password: "another-password",
      company: "Penguin Two",
    });
    expectProblem(again, 409, "CONFLICT");
    const bad = await new Client(server.url).post("/api/signup", {
      email: "not-an-address",
      password: "short",
      company: "",
    });
    expectProblem(bad, 400, "VALIDATION");
    const paths = bad.body.issues.map((issue: { path: string }) => issue.path).sort();
    expect(paths).toEqual(["company", "email", "name", "password"]);
  });

  it("signs up an account without a company: signed in, in no tenant", async () => {
    const lou = new Client(server.url);
    const made = await lou.post("/api/auth/sign-up", {
      name: "Lou",
      email: "lou@nowhere.example",
      password: "no-company-yet",
    });
    expect(made.status).toBe(201);
    const session = await lou.get("/api/auth/session");
    expect(session.body).toMatchObject({ user: { email: "lou@nowhere.example" }, tenantId: null });
    // Rookery knows Lou, but Lou has no scope: the membership is not found.
    expectProblem(await lou.get("/api/me/permissions"), 404, "NOT_FOUND");
  });
});

describe("sessions", () => {
  it("signs in with the right password only", async () => {
    const wrong = await new Client(server.url).post("/api/auth/sign-in", {
      email: "pat@penguin.example",
      password: "not-the-password",
    });
    expectProblem(wrong, 401, "UNAUTHENTICATED");
    const unknown = await new Client(server.url).post("/api/auth/sign-in", {
      email: "nobody@penguin.example",
      password: PASSWORD,
    });
    expect(unknown.text).toBe(wrong.text);
    // A password too short to have been set is just as wrong: no 400 that tells the rule.
    const short = await new Client(server.url).post("/api/auth/sign-in", {
      email: "pat@penguin.example",
      password: "wrong",
    });
    expect(short.status).toBe(401);
    expect(short.text).toBe(wrong.text);
  });

  it("answers 401 without a session, and reads nothing", async () => {
    const anonymous = new Client(server.url);
    expectProblem(await anonymous.get("/api/members"), 401, "UNAUTHENTICATED");
    expectProblem(await anonymous.get("/api/auth/session"), 401, "UNAUTHENTICATED");
  });

  it("ends the session at sign-out: the old cookie answers 401", async () => {
    const max = await signedIn(server, "max@penguin.example");
    const cookie = max.cookie;
    expect((await max.post("/api/auth/sign-out")).status).toBe(204);
    expect(max.cookie).toBeNull();
    const replayed = new Client(server.url);
    replayed.cookie = cookie;
    expectProblem(await replayed.get("/api/workspaces"), 401, "UNAUTHENTICATED");
  });

  it("answers 401 to a forged session cookie", async () => {
    const pat = await signedIn(server, "pat@penguin.example");
    const forged = new Client(server.url);
    // A made-up token, and Pat's real token with a tampered signature.
    forged.cookie = "better-auth.session_token=made-up-token.c2lnbmF0dXJl";
    expectProblem(await forged.get("/api/members"), 401, "UNAUTHENTICATED");
    forged.cookie = `better-auth.session_token=${pat.sessionToken}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%3D`;
    expectProblem(await forged.get("/api/members"), 401, "UNAUTHENTICATED");
    expect((await pat.get("/api/members")).status).toBe(200);
  });

  it("answers 401 once the session has expired", async () => {
    const ada = await signedIn(server, "ada@penguin.example");
    expect((await ada.get("/api/members")).status).toBe(200);
    const context = await server.auth.$context;
    await context.internalAdapter.updateSession(ada.sessionToken, {
      expiresAt: new Date(Date.now() - 60_000),
    });
    expectProblem(await ada.get("/api/members"), 401, "UNAUTHENTICATED");
  });
});

describe("the request log", () => {
  it("writes one line per request: method, path, status, duration, tenant and error code", async () => {
    const kim = await signedIn(server, "kim@krill.example");
    logged.length = 0;
    await kim.get("/api/workspaces");
    await kim.post("/api/workspaces", { name: 7 });
    await new Client(server.url).get("/api/audit?after=secret");
    const krill = server.seeded?.tenants.krill;
    expect(logged.map((line) => line.replace(/ \d+\.\dms /, " T "))).toEqual([
      `GET /api/workspaces 200 T tenant=${krill}`,
      `POST /api/workspaces 400 T tenant=${krill} error=VALIDATION`,
      "GET /api/audit 401 T tenant=- error=UNAUTHENTICATED",
    ]);
  });
});
