// #region imports
import { memoryAdapter } from "@rookery/memory";
import { expectErr, expectOk, manualClock, sequentialIds } from "@rookery/testing";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type AppScope, appTenancy } from "./app-tenancy.js";
import { campaignScheduler } from "./campaign-scheduler.js";

// #endregion imports

// #region world
const clock = manualClock("2026-03-02T09:00:00.000Z");
const adapter = memoryAdapter();

/** Two companies, built once through the public API as the application would. */
async function seed() {
  // Ids 1, 2, 3, ... on every run: failures name the same ids each time.
  const tenancy = expectOk(appTenancy(adapter, { ids: sequentialIds(), clock: clock.now }));
  const penguin = expectOk(
    await tenancy.platform.provisionTenant({
      name: "Penguin Corp",
      plan: "growth",
      owner: { email: "pat@penguin.example" },
      firstWorkspace: { name: "Acme Client" },
    }),
  );
  const krill = expectOk(
    await tenancy.platform.provisionTenant({
      name: "Krill Inc",
      plan: "growth",
      owner: { email: "kim@krill.example" },
      firstWorkspace: { name: "Krill Outreach" },
    }),
  );
  const pat = expectOk(await tenancy.as(penguin.owner.userId));
  const globex = expectOk(await pat.workspaces.create({ name: "Globex Client" }));
  const draft = (scope: AppScope, workspaceId: string, subject: string) =>
    scope.resources("campaign").create({ workspaceId, data: { subject } });
  const acme = penguin.workspace?.id ?? "";
  const kim = expectOk(await tenancy.as(krill.owner.userId));
  return {
    acme,
    globex: globex.id,
    pat: penguin.owner.userId,
    spring: expectOk(await draft(pat, acme, "Spring sale")),
    autumn: expectOk(await draft(pat, acme, "Autumn sale")),
    globexLaunch: expectOk(await draft(pat, globex.id, "Globex launch")),
    krillNews: expectOk(await draft(kim, krill.workspace?.id ?? "", "Krill news")),
  };
}
// #endregion world

// #region snapshot
let world: Awaited<ReturnType<typeof seed>>;
let seeded: ReturnType<typeof adapter.snapshot>;
let pat: AppScope;

beforeAll(async () => {
  world = await seed();
  seeded = adapter.snapshot(); // the store as seeding left it
});

beforeEach(async () => {
  // Every test starts from the seeded store, at the same instant, with the same
  // next ids: whatever the previous test wrote is gone, and nothing depends on order.
  adapter.restore(seeded);
  clock.set("2026-03-02T09:00:00.000Z");
  const tenancy = expectOk(appTenancy(adapter, { ids: sequentialIds(1000), clock: clock.now }));
  pat = expectOk(await tenancy.as(world.pat));
});
// #endregion snapshot

describe("the campaign scheduler", () => {
  // #region due
  it("schedules a draft and hands it over when its time comes", async () => {
    const scheduler = campaignScheduler(pat, world.acme, clock.now);
    const scheduled = expectOk(
      await scheduler.schedule(world.spring.id, new Date("2026-03-02T12:00:00.000Z")),
    );
    expect(scheduled.data).toEqual({
      subject: "Spring sale",
      status: "scheduled",
      sendAt: "2026-03-02T12:00:00.000Z",
    });
    expect(expectOk(await scheduler.due())).toEqual([]); // 09:00: not yet

    clock.advance(3 * 60 * 60 * 1000); // 12:00
    const due = expectOk(await scheduler.due());
    expect(due.map((c) => c.id)).toEqual([world.spring.id]);
    const sent = expectOk(await scheduler.markSent(due[0] ?? scheduled));
    expect(sent.data.status).toBe("sent");
  });
  // #endregion due

  it("starts every test from the seeded store, ids and clock included", async () => {
    const scheduler = campaignScheduler(pat, world.acme, clock.now);
    expect(expectOk(await scheduler.due())).toEqual([]); // the test above scheduled nothing here
    expect(clock.now().toISOString()).toBe("2026-03-02T09:00:00.000Z");
    const created = expectOk(
      await pat.resources("campaign").create({ workspaceId: world.acme, data: { subject: "New" } }),
    );
    expect(created.id).toBe("00000000-0000-7000-8000-0000000003e8"); // sequentialIds(1000)
  });

  // #region refusals
  it("touches its own workspace only", async () => {
    const scheduler = campaignScheduler(pat, world.acme, clock.now);
    const at = new Date("2026-03-03T09:00:00.000Z");
    // Pat may see Globex's campaign, but this scheduler is Acme's: as if it did not exist.
    expectErr(await scheduler.schedule(world.globexLaunch.id, at), "NOT_FOUND", "resource");
    // Another tenant's campaign: NOT_FOUND from the scope itself, never FORBIDDEN.
    expectErr(await scheduler.schedule(world.krillNews.id, at), "NOT_FOUND", "resource");
  });

  it("refuses a time in the past, a campaign that is no draft, and a stale copy", async () => {
    const scheduler = campaignScheduler(pat, world.acme, clock.now);
    const error = expectErr(
      await scheduler.schedule(world.spring.id, new Date("2026-03-01T09:00:00.000Z")),
      "VALIDATION",
    );
    expect(error).toMatchObject({ issues: [{ path: "sendAt" }] });

    const at = new Date("2026-03-02T10:00:00.000Z");
    expectOk(await scheduler.schedule(world.spring.id, at));
    expectErr(await scheduler.schedule(world.spring.id, at), "INVARIANT");
    // The seeded copy of Autumn is version 1; someone edits it first.
    expectOk(
      await pat
        .resources("campaign")
        .update(world.autumn.id, { subject: "Autumn sale!", status: "scheduled", sendAt: null }),
    );
    expectErr(await scheduler.markSent(world.autumn), "CONFLICT", "resource");
  });
  // #endregion refusals
});
