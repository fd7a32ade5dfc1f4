import type { PlatformUnit, TenantUnit } from "@rookery/core/adapter";
import { okAsync } from "neverthrow";
import { expect } from "vitest";
import { expectErr, expectOk } from "../expect-result.js";
import { defineGroup } from "./group.js";
import { storeState } from "./helpers.js";
import { twoTenants } from "./two-tenants.js";

const ENDED = /unit of work has ended/;

export const lifetimeGroup = defineGroup("unit lifetime", (test) => {
  test("a tenant unit's handles are dead once the unit ends: nothing is read or written", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { a, b } = await twoTenants(ctx);
    let kept: TenantUnit | undefined;
    expectOk(
      await adapter.tenant(a.tenantId, (u) => {
        kept = u;
        return u.memberships.count();
      }),
    );
    const before = await storeState(inspect);
    // Used while another tenant's unit runs, as a leaked handle would be.
    const during = await adapter.tenant(b.tenantId, async () => {
      const read = await (kept as TenantUnit).memberships.list({ limit: 100 });
      const write = await (kept as TenantUnit).workspaces.insert(
        f.workspace({ tenantId: a.tenantId }),
      );
      return okAsync({ read, write });
    });
    const { read, write } = expectOk(during);
    expect(expectErr(read, "INTERNAL").message).toMatch(ENDED);
    expect(expectErr(write, "INTERNAL").message).toMatch(ENDED);
    expect(expectErr(await (kept as TenantUnit).tenant.get(), "INTERNAL").message).toMatch(ENDED);
    expect(await storeState(inspect)).toEqual(before);
  });

  test("a platform unit's handles are dead once the unit ends", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    let kept: PlatformUnit | undefined;
    expectOk(
      await adapter.platform((u) => {
        kept = u;
        return u.tenants.list({ limit: 1 });
      }),
    );
    const before = await storeState(inspect);
    const write = await (kept as PlatformUnit).tenants.insert(f.tenant());
    expect(expectErr(write, "INTERNAL").message).toMatch(ENDED);
    expect(await storeState(inspect)).toEqual(before);
  });

  test("a read unit's writes are refused and change nothing", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { a } = await twoTenants(ctx);
    const before = await storeState(inspect);
    const tenantWrite = await adapter.tenant(
      a.tenantId,
      (u) => u.workspaces.insert(f.workspace({ tenantId: a.tenantId })),
      { intent: "read" },
    );
    expectErr(tenantWrite, "INTERNAL");
    const platformWrite = await adapter.platform((u) => u.tenants.insert(f.tenant()), {
      intent: "read",
    });
    expectErr(platformWrite, "INTERNAL");
    expect(await storeState(inspect)).toEqual(before);
  });
});
