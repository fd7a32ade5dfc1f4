import { type RookeryAdapter, RookeryErrors } from "@rookery/core";
import { errAsync } from "neverthrow";
import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { storeState } from "../conformance/helpers.js";
import { manualClock, sequentialIds } from "../deterministic.js";
import { expectErr, expectOk } from "../expect-result.js";
import { penguinTenancy, tenancyWorld } from "./penguinmails.js";
import { expectInvalid, tenantRows } from "./support.js";

const HOUR = 3_600_000;

/**
 * The adapter of a process that dies: its first `platform` platform units and
 * `tenant` tenant units run, then every unit fails (the undo included).
 */
function dyingAfter(
  adapter: RookeryAdapter,
  alive: { platform: number; tenant: number },
): RookeryAdapter {
  const left = { ...alive };
  const died = () => errAsync(RookeryErrors.unavailable("The process died."));
  return {
    ...adapter,
    platform: (work, options) => (left.platform-- > 0 ? adapter.platform(work, options) : died()),
    tenant: (tenantId, work, options) =>
      left.tenant-- > 0 ? adapter.tenant(tenantId, work, options) : died(),
  };
}

/** Platform actions name their operator; signups left half-made are finished or removed. */
export const operationsGroup = defineGroup("tenancy: operators and housekeeping", (test) => {
  test("a handle operated by someone records them in the log and the events", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const seen: { action: string; operator: string | null }[] = [];
    tenancy.events.subscribe(
      (event) => void seen.push({ action: event.action, operator: event.operator }),
    );
    const ops = expectOk(tenancy.platform.operatedBy("  alice@ops.example "));
    expectOk(await ops.suspendTenant(a.tenantId));
    expectOk(await tenancy.platform.reactivateTenant(a.tenantId));
    const made = expectOk(
      await ops.provisionTenant({
        name: "Krill Inc",
        plan: "starter",
        owner: { email: "kim@k.example" },
      }),
    );
    expectOk(await a.as.owner.workspaces.rename(a.ws1, { name: "Renamed" }));
    await tenancy.events.settled();
    expect(seen).toEqual([
      { action: "tenant.suspend", operator: "alice@ops.example" },
      { action: "tenant.reactivate", operator: null },
      { action: "tenant.provision", operator: "alice@ops.example" },
      { action: "workspace.rename", operator: null },
    ]);
    const logged = (tenantId: string) =>
      tenantRows(inspect, "audit_events", tenantId as never).then((rows) =>
        rows.map((row) => [row.action, row.operator]),
      );
    expect(await logged(a.tenantId)).toContainEqual(["tenant.suspend", "alice@ops.example"]);
    expect(await logged(made.tenant.id)).toEqual([["tenant.provision", "alice@ops.example"]]);
    for (const bad of ["   ", "x".repeat(256), "a\u0000b"]) {
      expectInvalid(tenancy.platform.operatedBy(bad), "operator");
    }
  });

  test("a signup whose process died is finished when filled, else removed and its owner freed", async ({
    adapter,
    inspect,
  }) => {
    const shared = { ids: sequentialIds(), clock: manualClock() };
    const { tenancy } = penguinTenancy(adapter, shared);
    const signup = (email: string) => ({
      name: "Half Made",
      plan: "starter",
      owner: { email },
      firstWorkspace: { name: "Main" },
    });
    // One dies right after claiming its owner; the other after writing its own rows.
    const claimedOnly = penguinTenancy(dyingAfter(adapter, { platform: 1, tenant: 0 }), shared);
    expectErr(
      await claimedOnly.tenancy.platform.provisionTenant(signup("kim@k.example")),
      "UNAVAILABLE",
    );
    const filledOnly = penguinTenancy(dyingAfter(adapter, { platform: 1, tenant: 1 }), shared);
    expectErr(
      await filledOnly.tenancy.platform.provisionTenant(signup("lou@l.example")),
      "UNAVAILABLE",
    );
    const stuck = (await inspect.rows("tenants")).filter((t) => t.status === "provisioning");
    expect(stuck).toHaveLength(2);
    const kim = expectOk(await tenancy.platform.findUser({ email: "kim@k.example" }));
    expectErr(await tenancy.as(kim.id), "NOT_FOUND", "tenant");
    // Too young: a signup may still be running.
    expect(expectOk(await tenancy.platform.sweepProvisioning())).toEqual({
      finished: [],
      removed: [],
    });
    shared.clock.advance(2 * HOUR);
    const janitor = expectOk(tenancy.platform.operatedBy("janitor"));
    const report = expectOk(await janitor.sweepProvisioning({ olderThanSeconds: 3_600 }));
    const lou = expectOk(await tenancy.platform.findUser({ email: "lou@l.example" }));
    const louTenant = stuck.find((t) => t.id === lou.tenantId);
    const kimTenant = stuck.find((t) => t.id !== lou.tenantId);
    expect(report).toEqual({ finished: [louTenant?.id], removed: [kimTenant?.id] });
    // Lou's tenant is active, whole, and has its event; Kim is free and may sign up again.
    const louScope = expectOk(await tenancy.as(lou.id));
    expect(expectOk(await louScope.me()).role).toBe("owner");
    expect(
      (await tenantRows(inspect, "audit_events", lou.tenantId as never)).map((e) => [
        e.action,
        e.operator,
      ]),
    ).toEqual([["tenant.provision", "janitor"]]);
    expect(expectOk(await tenancy.platform.findUser({ userId: kim.id })).tenantId).toBeNull();
    for (const [table, rows] of Object.entries(await storeState(inspect, kimTenant?.id as never))) {
      expect(rows, `${table} of the removed tenant`).toEqual([]);
    }
    expect(await inspect.rows("tenants")).toHaveLength(1);
    expectOk(await tenancy.platform.provisionTenant(signup("kim@k.example")), "Kim signs up again");
    expect(expectOk(await tenancy.platform.sweepProvisioning())).toEqual({
      finished: [],
      removed: [],
    });
    expectInvalid(
      await tenancy.platform.sweepProvisioning({ olderThanSeconds: 1 }),
      "olderThanSeconds",
    );
  });
});
