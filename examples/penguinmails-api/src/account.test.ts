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

describe("the subscription, the owner's alone", () => {
  it("shows the plan to the owner and refuses admins and members", async () => {
    expect((await pat.get("/api/subscription")).body).toMatchObject({
      plan: "growth",
      status: "active",
    });
    const byAdmin = await ada.get("/api/subscription");
    expectProblem(byAdmin, 403, "FORBIDDEN");
    expect(byAdmin.body.detail).toBe("Not allowed: role admin is not granted billing.read.");
    expectProblem(await max.get("/api/subscription"), 403, "FORBIDDEN");
  });

  it("changes the plan, refuses an unknown one, and never below what is used", async () => {
    expect((await kim.put("/api/subscription/plan", { plan: "growth" })).body.plan).toBe("growth");
    expectProblem(await kim.put("/api/subscription/plan", { plan: "platinum" }), 400, "VALIDATION");
    expectProblem(await ada.put("/api/subscription/plan", { plan: "starter" }), 403, "FORBIDDEN");
    // Penguin Corp: three workspaces are more than starter's two.
    await pat.post("/api/workspaces", { name: "Third" });
    const down = await pat.put("/api/subscription/plan", { plan: "starter" });
    expectProblem(down, 402, "LIMIT_EXCEEDED");
  });
});

describe("settings and workspace overrides", () => {
  it("lets everyone read the company's settings, and owners and admins change them", async () => {
    expect((await max.get("/api/settings")).body).toEqual({
      timezone: "Europe/Paris",
      dailySendLimit: 500,
      signature: "The Penguin Corp team",
    });
    const changed = await ada.patch("/api/settings", { dailySendLimit: 800 });
    // A patch changes only what it names.
    expect(changed.body).toEqual({
      timezone: "Europe/Paris",
      dailySendLimit: 800,
      signature: "The Penguin Corp team",
    });
    expectProblem(await max.patch("/api/settings", { dailySendLimit: 1 }), 403, "FORBIDDEN");
    expectProblem(await ada.patch("/api/settings", { dailySendLimit: -1 }), 400, "VALIDATION");
  });

  it("applies a workspace's overrides there only, and only for overridable keys", async () => {
    const { acme, globex } = server.seeded?.workspaces ?? {};
    expect((await max.get(`/api/workspaces/${acme}/settings`)).body.signature).toBe(
      "The Penguin Corp team",
    );
    expect((await pat.get(`/api/workspaces/${globex}/settings`)).body.signature).toBe(
      "Penguin Corp for Globex",
    );
    const overridden = await ada.patch(`/api/workspaces/${acme}/settings`, {
      signature: "Acme's own",
    });
    expect(overridden.body.signature).toBe("Acme's own");
    expect((await max.get(`/api/workspaces/${acme}/settings`)).body.signature).toBe("Acme's own");
    expect((await max.get("/api/settings")).body.signature).toBe("The Penguin Corp team");
    expectProblem(
      await ada.patch(`/api/workspaces/${acme}/settings`, { timezone: "UTC" }),
      400,
      "VALIDATION",
    );
    expectProblem(
      await max.patch(`/api/workspaces/${acme}/settings`, { signature: "x" }),
      403,
      "FORBIDDEN",
    );
  });
});
