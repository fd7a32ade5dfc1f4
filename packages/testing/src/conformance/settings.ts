import { expect } from "vitest";
import { expectErr, expectOk } from "../expect-result.js";
import { seedTenant } from "../seed-tenant.js";
import { defineGroup } from "./group.js";
import { rowsOf } from "./helpers.js";

export const settingsGroup = defineGroup("settings", (test) => {
  test("tenant settings are null until put, then get returns them", async ({
    adapter,
    inspect,
    f,
  }) => {
    const { tenant } = await seedTenant(adapter, f);
    expect(expectOk(await adapter.tenant(tenant.id, (u) => u.settings.getTenant()))).toBeNull();
    const settings = f.tenantSettings({
      tenantId: tenant.id,
      values: { locale: "en", daily: 500 },
    });
    const put = await adapter.tenant(tenant.id, (u) => u.settings.putTenant(settings));
    expect(expectOk(put)).toEqual(settings);
    expect(expectOk(await adapter.tenant(tenant.id, (u) => u.settings.getTenant()))).toEqual(
      settings,
    );
    expect(await rowsOf(inspect, "tenant_settings")).toEqual([settings]);
  });

  test("putTenant replaces the settings: keys left out are gone", async ({
    adapter,
    inspect,
    f,
  }) => {
    const { tenant } = await seedTenant(adapter, f);
    const first = f.tenantSettings({ tenantId: tenant.id, values: { locale: "en", daily: 500 } });
    const second = f.tenantSettings({ tenantId: tenant.id, values: { daily: 900 } });
    for (const s of [first, second]) {
      expectOk(await adapter.tenant(tenant.id, (u) => u.settings.putTenant(s)));
    }
    const got = await adapter.tenant(tenant.id, (u) => u.settings.getTenant());
    expect(expectOk(got)?.values).toEqual({ daily: 900 });
    expect(await rowsOf(inspect, "tenant_settings")).toEqual([second]);
  });

  test("workspace overrides are null until put, then replaced by the next put", async ({
    adapter,
    inspect,
    f,
  }) => {
    const { tenant } = await seedTenant(adapter, f);
    const workspace = f.workspace({ tenantId: tenant.id });
    expectOk(await adapter.tenant(tenant.id, (u) => u.workspaces.insert(workspace)));
    const get = () => adapter.tenant(tenant.id, (u) => u.settings.getWorkspace(workspace.id));
    expect(expectOk(await get())).toBeNull();
    const ids = { tenantId: tenant.id, workspaceId: workspace.id };
    const first = f.workspaceSettings({ ...ids, values: { signature: "Hi", daily: 50 } });
    const second = f.workspaceSettings({ ...ids, values: { signature: "Bye" } });
    const put = await adapter.tenant(tenant.id, (u) => u.settings.putWorkspace(first));
    expect(expectOk(put)).toEqual(first);
    expect(expectOk(await get())).toEqual(first);
    expectOk(await adapter.tenant(tenant.id, (u) => u.settings.putWorkspace(second)));
    expect(expectOk(await get())).toEqual(second);
    expect(await rowsOf(inspect, "workspace_settings")).toEqual([second]);
  });

  test("putWorkspace for an absent workspace is NOT_FOUND", async ({ adapter, inspect, f }) => {
    const { tenant } = await seedTenant(adapter, f);
    const settings = f.workspaceSettings({ tenantId: tenant.id, workspaceId: f.workspaceId() });
    const result = await adapter.tenant(tenant.id, (u) => u.settings.putWorkspace(settings));
    expectErr(result, "NOT_FOUND", "workspace");
    expect(await rowsOf(inspect, "workspace_settings")).toEqual([]);
  });

  test("overrides belong to one workspace and leave the tenant settings alone", async ({
    adapter,
    f,
  }) => {
    const { tenant } = await seedTenant(adapter, f);
    const [w1, w2] = [f.workspace({ tenantId: tenant.id }), f.workspace({ tenantId: tenant.id })];
    for (const w of [w1, w2]) {
      expectOk(await adapter.tenant(tenant.id, (u) => u.workspaces.insert(w)));
    }
    const override = f.workspaceSettings({
      tenantId: tenant.id,
      workspaceId: w1.id,
      values: { a: 1 },
    });
    expectOk(await adapter.tenant(tenant.id, (u) => u.settings.putWorkspace(override)));
    const other = await adapter.tenant(tenant.id, (u) => u.settings.getWorkspace(w2.id));
    expect(expectOk(other)).toBeNull();
    expect(expectOk(await adapter.tenant(tenant.id, (u) => u.settings.getTenant()))).toBeNull();
  });
});
