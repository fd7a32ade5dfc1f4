import type { RookeryError, UserId } from "@rookery/core";
import { penguinTenancy, type TenancyWorld, tenancyWorld } from "@rookery/testing";
import type { Result, ResultAsync } from "neverthrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { holdingPool } from "../test-support/held-statement.js";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";
import { nileAdapter } from "./index.js";

// A resource create reads the actor and the workspace, decides, then inserts.
// What it decided on (a live membership, an active workspace, an assignment)
// is not kept by a key: a member is removed by marking the row, an archived
// workspace is a status, and resources do not reference assignments. So a
// create is serialised with the tenant's other write units: a change that
// could undo its grounds waits until the create has committed, and then
// everyone sees the create first and the change after. Run beside them, a
// removal could commit and be seen while the create was in flight, and the
// create land afterwards.

let env: OpenDatabase;
let world: TenancyWorld;
let holding: ReturnType<typeof holdingPool>;

beforeAll(async () => {
  env = await openDatabase();
  world = await tenancyWorld(env.adapter);
  holding = holdingPool(env.db.appUrl);
});
afterAll(async () => {
  await holding.pool.end();
  await env.close();
});

/** A member of tenant A assigned to `ws1`, and their scope on the holding pool. */
async function newMember(email: string) {
  const user = (await world.tenancy.platform.registerUser({ email }))._unsafeUnwrap();
  (await world.a.as.owner.members.add({ userId: user.id }))._unsafeUnwrap();
  (await world.a.as.owner.workspaces.assign(world.a.ws1, user.id))._unsafeUnwrap();
  const { tenancy } = penguinTenancy(nileAdapter({ pool: holding.pool })._unsafeUnwrap(), {
    ids: world.ids,
  });
  const scope = await tenancy.as({ userId: user.id as UserId, tenantId: world.a.tenantId });
  return { userId: user.id, scope: scope._unsafeUnwrap() };
}

/** Until `done()` or some backend of the test database waits for an advisory lock. */
async function untilDoneOrWaitingForLock(done: () => boolean): Promise<void> {
  for (;;) {
    if (done()) return;
    const { rows } = await env.superuser.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
         AND wait_event_type = 'Lock' AND wait_event = 'advisory'`,
    );
    if (rows.length > 0) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Holds a member's create just before its INSERT (it has read the actor and
 * the workspace), starts `change`, and answers whether the change finished
 * before the create was let go; then lets it go and waits for both.
 */
async function changeDuringCreate<C, D>(
  creating: () => ResultAsync<C, RookeryError>,
  change: () => ResultAsync<D, RookeryError>,
) {
  const held = holding.arm(/INSERT INTO public\.rookery_resources/);
  const created = creating();
  await held.reached;
  let changed = false;
  const changing: Promise<Result<D, RookeryError>> = (async () => {
    const result = await change();
    changed = true;
    return result;
  })();
  await untilDoneOrWaitingForLock(() => changed);
  const finishedFirst = changed;
  held.release();
  return { finishedFirst, created: await created, changed: await changing };
}

describe("a create in flight holds back the tenant's changes that could undo its grounds", () => {
  it("a member's removal waits for their create, which lands first", async () => {
    const max = await newMember("held-remove@a.example");
    const race = await changeDuringCreate(
      () =>
        max.scope
          .resources("campaign")
          .create({ workspaceId: world.a.ws1, data: { subject: "Mine", status: "draft" } }),
      () => world.a.as.owner.members.remove(max.userId),
    );
    expect(race.finishedFirst).toBe(false);
    race.created._unsafeUnwrap();
    race.changed._unsafeUnwrap();
  });

  it("a workspace's archival waits for a create in it, which lands first", async () => {
    const ws = (
      await world.a.as.owner.workspaces.create({ name: "Soon archived" })
    )._unsafeUnwrap();
    const kim = await newMember("held-archive@a.example");
    (await world.a.as.owner.workspaces.assign(ws.id, kim.userId))._unsafeUnwrap();
    const race = await changeDuringCreate(
      () =>
        kim.scope
          .resources("campaign")
          .create({ workspaceId: ws.id, data: { subject: "Before archival", status: "draft" } }),
      () => world.a.as.owner.workspaces.archive(ws.id),
    );
    expect(race.finishedFirst).toBe(false);
    race.created._unsafeUnwrap();
    expect(race.changed._unsafeUnwrap().status).toBe("archived");
  });

  it("an unassignment waits for the member's create in that workspace, which lands first", async () => {
    const lee = await newMember("held-unassign@a.example");
    const race = await changeDuringCreate(
      () =>
        lee.scope
          .resources("campaign")
          .create({ workspaceId: world.a.ws1, data: { subject: "Still mine", status: "draft" } }),
      () => world.a.as.owner.workspaces.unassign(world.a.ws1, lee.userId),
    );
    expect(race.finishedFirst).toBe(false);
    race.created._unsafeUnwrap();
    race.changed._unsafeUnwrap();
  });
});
