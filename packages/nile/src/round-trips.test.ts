import { createTenancy, type Scope } from "@rookery/core";
import type { ResultAsync } from "neverthrow";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { type RoundTripProxy, startRoundTripProxy } from "../test-support/round-trip-proxy.js";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database.js";
import { nileAdapter } from "./index.js";

// What a service call waits for on the wire, through the public API on a
// pipelined pool of one connection, as docs/nile.md sets it up. Structure,
// not speed: the relay counts the waits whatever the machine's load.

const resources = {
  campaign: { scope: "workspace" as const, schema: z.strictObject({ subject: z.string() }) },
};
type Resources = typeof resources;

let db: TestDatabase;
let proxy: RoundTripProxy;
let pool: pg.Pool;
let owner: Scope<Resources>;
let member: Scope<Resources>;
let memberId: string;
let mainId: string;
let otherId: string;
let campaignId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const url = new URL(db.appUrl);
  proxy = await startRoundTripProxy(url.hostname, Number(url.port));
  url.hostname = "127.0.0.1";
  url.port = String(proxy.port);
  pool = new pg.Pool({ connectionString: url.toString(), max: 1, pipeline: true });
  pool.on("error", () => {});
  const tenancy = createTenancy({
    adapter: nileAdapter({ pool })._unsafeUnwrap(),
    plans: { growth: { limits: { seats: 10, workspaces: 5 } } },
    resources,
  })._unsafeUnwrap();
  const made = (
    await tenancy.platform.provisionTenant({
      name: "Penguin Corp",
      plan: "growth",
      owner: { email: "pat@penguin.example" },
      firstWorkspace: { name: "Main" },
    })
  )._unsafeUnwrap();
  const tenantId = made.tenant.id;
  owner = (await tenancy.as({ userId: made.owner.userId, tenantId }))._unsafeUnwrap();
  mainId = made.workspace?.id ?? "";
  otherId = (await owner.workspaces.create({ name: "Other" }))._unsafeUnwrap().id;
  const max = (
    await tenancy.platform.registerUser({ email: "max@penguin.example" })
  )._unsafeUnwrap();
  (await owner.members.add({ userId: max.id, role: "member" }))._unsafeUnwrap();
  (await owner.workspaces.assign(mainId, max.id))._unsafeUnwrap();
  memberId = max.id;
  member = (await tenancy.as({ userId: max.id, tenantId }))._unsafeUnwrap();
  for (const workspaceId of [mainId, otherId]) {
    const created = await owner
      .resources("campaign")
      .create({ workspaceId, data: { subject: `In ${workspaceId}` } });
    campaignId = created._unsafeUnwrap().id;
  }
});
afterAll(async () => {
  await pool.end();
  await proxy.close();
  await db.drop();
});

const CALLS = 10;

/** Lets a statement nobody waits for (a read unit's COMMIT) reach the relay before counting. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/**
 * The round trips of `CALLS` calls made one after another, once their
 * statements are prepared on the connection. A read unit's COMMIT is not
 * waited for: it leaves with the next call's first flight, so only the last
 * one is a trip of its own.
 */
async function roundTripsOf<T>(
  call: () => ResultAsync<T, unknown>,
): Promise<{ trips: number; value: T }> {
  (await call())._unsafeUnwrap();
  await settle();
  proxy.reset();
  let value = (await call())._unsafeUnwrap();
  for (let i = 1; i < CALLS; i++) value = (await call())._unsafeUnwrap();
  await settle();
  return { trips: proxy.roundTrips(), value };
}

describe("round trips of a service call on a pipelined pool", () => {
  it("resources.get: one, the actor and the row in BEGIN's flight", async () => {
    const { trips, value } = await roundTripsOf(() => owner.resources("campaign").get(campaignId));
    expect(value.id).toBe(campaignId);
    expect(trips).toBe(CALLS + 1);
  });

  it("resources.list by an owner: one, the page read with the actor", async () => {
    const { trips, value } = await roundTripsOf(() => owner.resources("campaign").list());
    expect(value.items).toHaveLength(2);
    expect(trips).toBe(CALLS + 1);
  });

  it("resources.list of one workspace: one, the workspace and its page read with the actor", async () => {
    const { trips, value } = await roundTripsOf(() =>
      owner.resources("campaign").list({ workspaceId: otherId }),
    );
    expect(value.items.map((c) => c.workspaceId)).toEqual([otherId]);
    expect(trips).toBe(CALLS + 1);
  });

  it("resources.list by a member: two, the page read again within the member's workspaces", async () => {
    const { trips, value } = await roundTripsOf(() => member.resources("campaign").list());
    expect(value.items.map((c) => c.workspaceId)).toEqual([mainId]);
    expect(trips).toBe(2 * CALLS + 1);
  });

  it("members.list by an owner: two, the page read with the actor, then the people's profiles", async () => {
    const { trips, value } = await roundTripsOf(() => owner.members.list());
    expect(value.items.map((m) => m.email).sort()).toEqual([
      "max@penguin.example",
      "pat@penguin.example",
    ]);
    expect(trips).toBe(2 * CALLS + 1);
  });

  it("members.get by an owner: two, the member read with the actor, then their profile", async () => {
    const { trips, value } = await roundTripsOf(() => owner.members.get(memberId));
    expect(value.email).toBe("max@penguin.example");
    expect(trips).toBe(2 * CALLS + 1);
  });

  it("members.list by a member of two workspaces: four, the co-workers of both read in one flight", async () => {
    (await owner.workspaces.assign(otherId, memberId))._unsafeUnwrap();
    try {
      const { trips, value } = await roundTripsOf(() => member.members.list());
      expect(value.items.map((m) => m.email)).toEqual(["max@penguin.example"]);
      // The actor with the tenant's page; the assignments of both workspaces; the member's
      // page within them; the people's profiles.
      expect(trips).toBe(4 * CALLS + 1);
    } finally {
      (await owner.workspaces.unassign(otherId, memberId))._unsafeUnwrap();
    }
  });

  it("resources.create: three, the actor, the row with its audit event, the COMMIT", async () => {
    // A write unit waits for its COMMIT.
    const { trips, value } = await roundTripsOf(() =>
      owner.resources("campaign").create({ workspaceId: mainId, data: { subject: "New" } }),
    );
    expect(value.workspaceId).toBe(mainId);
    expect(trips).toBe(3 * CALLS);
  });
});
