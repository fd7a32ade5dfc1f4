import { RookeryErrors } from "@rookery/core";
import { err, ok, safeTry } from "neverthrow";
import { expect } from "vitest";
import { expectOk } from "../expect-result.js";
import { seedTenant } from "../seed-tenant.js";
import type { RegisterTest } from "./group.js";
import { RACERS, rowsOf, tally } from "./helpers.js";

/**
 * How long B's unit (one insert) may stay unfinished while A's unit is held
 * open before the test calls it blocked. Only a deadlock comes near it, so it
 * is far above any busy machine's latency: the test must not hinge on speed.
 */
const GIVE_UP_AFTER_MS = 20_000;

export function registerInterleavingTests(test: RegisterTest): void {
  test("count-then-insert write units of one tenant never exceed the limit", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { tenant } = await seedTenant(adapter, f);
    const limit = 3;
    // Write units of one tenant are serialised, so the count each sees is current.
    const results = await Promise.all(
      Array.from({ length: RACERS }, () =>
        adapter.tenant(tenant.id, (u) =>
          safeTry(async function* () {
            const count = yield* u.workspaces.count();
            if (count >= limit) return err(RookeryErrors.limitExceeded("workspaces", limit));
            return u.workspaces.insert(f.workspace({ tenantId: tenant.id }));
          }),
        ),
      ),
    );
    const { succeeded, codes } = tally(results);
    expect(succeeded).toBe(limit);
    expect(new Set(codes)).toEqual(new Set(["LIMIT_EXCEEDED"]));
    expect(await rowsOf(inspect, "workspaces")).toHaveLength(limit);
  });

  test("read-modify-write units of one tenant lose no update", async (ctx) => {
    const { adapter, f } = ctx;
    const { tenant } = await seedTenant(adapter, f);
    const tenantId = tenant.id;
    expectOk(
      await adapter.tenant(tenantId, (u) =>
        u.settings.putTenant(f.tenantSettings({ tenantId, values: { counter: 0 } })),
      ),
    );
    const increment = () =>
      adapter.tenant(tenantId, (u) =>
        safeTry(async function* () {
          const current = yield* u.settings.getTenant();
          const counter = Number(current?.values.counter ?? 0);
          // Yield to the event loop between read and write, where a race would slip in.
          await new Promise((resolve) => setTimeout(resolve, 1));
          return u.settings.putTenant(
            f.tenantSettings({ tenantId, values: { counter: counter + 1 } }),
          );
        }),
      );
    expect(tally(await Promise.all(Array.from({ length: RACERS }, increment))).succeeded).toBe(
      RACERS,
    );
    const final = expectOk(await adapter.tenant(tenantId, (u) => u.settings.getTenant()));
    expect(final?.values.counter).toBe(RACERS);
  });

  test("concurrent units of different tenants do not interfere", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const a = (await seedTenant(adapter, f)).tenant;
    const b = (await seedTenant(adapter, f)).tenant;
    const tenants = [a, b];
    const results = await Promise.all(
      Array.from({ length: RACERS }, (_, i) => {
        const tenantId = i % 2 === 0 ? a.id : b.id;
        return adapter.tenant(tenantId, (u) => u.workspaces.insert(f.workspace({ tenantId })));
      }),
    );
    expect(tally(results).succeeded).toBe(RACERS);
    for (const t of tenants) {
      const count = expectOk(await adapter.tenant(t.id, (u) => u.workspaces.count()));
      expect(count).toBe(RACERS / 2);
      expect(await rowsOf(inspect, "workspaces", t.id)).toHaveLength(RACERS / 2);
    }
  });

  test("a write unit of one tenant does not wait for another tenant's open unit", async (ctx) => {
    const { adapter, f } = ctx;
    const a = (await seedTenant(adapter, f)).tenant;
    const b = (await seedTenant(adapter, f)).tenant;
    let opened = () => {};
    const aIsOpen = new Promise<void>((resolve) => {
      opened = resolve;
    });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // A's unit has written and stays open until B's unit is over: were B to wait for A,
    // neither could finish.
    const slow = adapter.tenant(a.id, async (u) => {
      const inserted = await u.workspaces.insert(f.workspace({ tenantId: a.id }));
      opened();
      await held;
      return inserted;
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([aIsOpen, slow]);
      const fast = adapter.tenant(b.id, (u) =>
        u.workspaces.insert(f.workspace({ tenantId: b.id })),
      );
      const gaveUp = new Promise<"blocked">((resolve) => {
        timer = setTimeout(() => resolve("blocked"), GIVE_UP_AFTER_MS);
      });
      const outcome = await Promise.race([fast, gaveUp]);
      if (outcome === "blocked") {
        throw new Error(`B's unit did not finish in ${GIVE_UP_AFTER_MS} ms while A's was open`);
      }
      expectOk(outcome, "B's unit while A's is open");
    } finally {
      clearTimeout(timer);
      release();
    }
    expectOk(await slow, "A's unit once released");
  });

  test("readers never see half of a concurrent write unit", async (ctx) => {
    const { adapter, f } = ctx;
    const { tenant } = await seedTenant(adapter, f);
    const tenantId = tenant.id;
    // Each writer adds two workspaces in one unit: an odd count would be half a unit.
    const writers = Array.from({ length: RACERS / 2 }, () =>
      adapter.tenant(tenantId, (u) =>
        safeTry(async function* () {
          yield* u.workspaces.insert(f.workspace({ tenantId }));
          await new Promise((resolve) => setTimeout(resolve, 1));
          yield* u.workspaces.insert(f.workspace({ tenantId }));
          return ok(undefined);
        }),
      ),
    );
    const readers = Array.from({ length: RACERS }, () =>
      adapter.tenant(tenantId, (u) => u.workspaces.count(), { intent: "read" }),
    );
    const [written, read] = await Promise.all([Promise.all(writers), Promise.all(readers)]);
    expect(tally(written).succeeded).toBe(RACERS / 2);
    for (const count of read.map((r) => expectOk(r))) expect(count % 2).toBe(0);
    const final = expectOk(await adapter.tenant(tenantId, (u) => u.workspaces.count()));
    expect(final).toBe(RACERS);
  });
}
