import { penguinTenancy, type TenancyWorld, tenancyWorld } from "@rookery/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";
import { whileWriteUnitOpen } from "../test-support/while-write-unit-open.js";
import { nileAdapter } from "./index.js";

// Write units of a tenant take its lock, so that a check-then-write holds
// under concurrency. Creating a resource checks nothing that a concurrent
// write could break before it commits (the row's foreign key keeps its
// workspace), so it does not queue behind the tenant's other writes.

let env: OpenDatabase;
let world: TenancyWorld;
let lockWaiting: pg.Pool;

beforeAll(async () => {
  env = await openDatabase();
  world = await tenancyWorld(env.adapter);
  // Gives up on a lock after 200 ms: a unit that waits for the tenant's lock
  // fails as UNAVAILABLE instead of waiting.
  lockWaiting = new pg.Pool({ connectionString: env.db.appUrl, max: 1, lock_timeout: 200 });
  lockWaiting.on("error", () => {});
});
afterAll(async () => {
  await lockWaiting.end();
  await env.close();
});

/** Runs `meanwhile` while a write unit of tenant A holds the tenant's lock. */
const whileLocked = <T>(meanwhile: () => PromiseLike<T>) =>
  whileWriteUnitOpen(env.adapter, world.a.tenantId, meanwhile);

describe("a resource create runs beside the tenant's other write units", () => {
  const scopeOnLockWaiting = async () => {
    const { tenancy } = penguinTenancy(nileAdapter({ pool: lockWaiting })._unsafeUnwrap(), {
      ids: world.ids,
    });
    return (
      await tenancy.as({ userId: world.a.ids.owner, tenantId: world.a.tenantId })
    )._unsafeUnwrap();
  };

  it("creates a campaign while a write unit of its tenant is open", async () => {
    const scope = await scopeOnLockWaiting();
    const created = await whileLocked(() =>
      scope
        .resources("campaign")
        .create({ workspaceId: world.a.ws1, data: { subject: "Beside", status: "draft" } }),
    );
    const campaign = created._unsafeUnwrap();
    const read = await world.a.as.owner.resources("campaign").get(campaign.id);
    expect(read._unsafeUnwrap().data).toEqual({ subject: "Beside", status: "draft" });
  });

  it("keeps a workspace create waiting for the tenant's lock", async () => {
    const scope = await scopeOnLockWaiting();
    const made = await whileLocked(() => scope.workspaces.create({ name: "Queued" }));
    expect(made._unsafeUnwrapErr().code).toBe("UNAVAILABLE");
  });

  it("refuses a campaign in a workspace deleted by a unit that committed first", async () => {
    const ws = (await world.a.as.owner.workspaces.create({ name: "Short-lived" }))._unsafeUnwrap();
    const scope = await scopeOnLockWaiting();
    (await world.a.as.owner.workspaces.delete(ws.id))._unsafeUnwrap();
    const created = await scope
      .resources("campaign")
      .create({ workspaceId: ws.id, data: { subject: "Orphan", status: "draft" } });
    expect(created._unsafeUnwrapErr().code).toBe("NOT_FOUND");
  });
});
