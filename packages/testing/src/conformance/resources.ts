import { expect } from "vitest";
import { expectErr, expectOk } from "../expect-result.js";
import { defineGroup } from "./group.js";
import { rowsOf } from "./helpers.js";
import { registerResourceListTests } from "./resource-lists.js";
import { tenantWithWorkspaces as setUp } from "./tenant-with-workspaces.js";

export const resourcesGroup = defineGroup("resources", (test) => {
  test("insert stores the resource and get returns it", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { tenantId, owner, w1 } = await setUp(ctx);
    const resource = f.resource({ tenantId, workspaceId: w1, createdBy: owner, data: { n: [1] } });
    const inserted = await adapter.tenant(tenantId, (u) => u.resources.insert(resource));
    expect(expectOk(inserted)).toEqual(resource);
    const got = await adapter.tenant(tenantId, (u) => u.resources.get("campaign", resource.id));
    expect(expectOk(got)).toEqual(resource);
    const absent = await adapter.tenant(tenantId, (u) =>
      u.resources.get("campaign", f.resourceId()),
    );
    expect(expectOk(absent)).toBeNull();
    expect(await rowsOf(inspect, "resources")).toEqual([resource]);
  });

  test("insert of an existing id is CONFLICT", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { tenantId } = await setUp(ctx);
    const resource = f.resource({ tenantId });
    expectOk(await adapter.tenant(tenantId, (u) => u.resources.insert(resource)));
    const twin = f.resource({ tenantId, id: resource.id, data: { other: true } });
    const result = await adapter.tenant(tenantId, (u) => u.resources.insert(twin));
    expectErr(result, "CONFLICT", "resource");
    expect(await rowsOf(inspect, "resources")).toEqual([resource]);
  });

  test("insert into an absent workspace is NOT_FOUND", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { tenantId } = await setUp(ctx);
    const resource = f.resource({ tenantId, workspaceId: f.workspaceId() });
    const result = await adapter.tenant(tenantId, (u) => u.resources.insert(resource));
    expectErr(result, "NOT_FOUND", "workspace");
    expect(await rowsOf(inspect, "resources")).toEqual([]);
  });

  test("update replaces the data and bumps the version", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { tenantId, w1 } = await setUp(ctx);
    const resource = f.resource({ tenantId, workspaceId: w1, data: { subject: "A", draft: true } });
    expectOk(await adapter.tenant(tenantId, (u) => u.resources.insert(resource)));
    const update = (data: Record<string, string>) =>
      adapter.tenant(tenantId, (u) =>
        u.resources.update("campaign", resource.id, { data, updatedAt: f.now() }),
      );
    expect(expectOk(await update({ subject: "B" }))).toMatchObject({
      data: { subject: "B" },
      version: 2,
    });
    const last = expectOk(await update({ subject: "C" }));
    expect(last).toEqual({
      ...resource,
      data: { subject: "C" },
      version: 3,
      updatedAt: last.updatedAt,
    });
    expect(await rowsOf(inspect, "resources")).toEqual([last]);
  });

  test("update with a stale expectedVersion is CONFLICT and changes nothing", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { tenantId } = await setUp(ctx);
    const resource = f.resource({ tenantId });
    expectOk(await adapter.tenant(tenantId, (u) => u.resources.insert(resource)));
    const update = (expectedVersion: number, subject: string) =>
      adapter.tenant(tenantId, (u) =>
        u.resources.update("campaign", resource.id, {
          data: { subject },
          updatedAt: f.now(),
          expectedVersion,
        }),
      );
    const current = expectOk(await update(1, "fresh"));
    expect(current.version).toBe(2);
    expectErr(await update(1, "stale"), "CONFLICT", "resource");
    expect(await rowsOf(inspect, "resources")).toEqual([current]);
  });

  test("update of an absent resource is NOT_FOUND", async (ctx) => {
    const { adapter, f } = ctx;
    const { tenantId } = await setUp(ctx);
    const result = await adapter.tenant(tenantId, (u) =>
      u.resources.update("campaign", f.resourceId(), { data: {}, updatedAt: f.now() }),
    );
    expectErr(result, "NOT_FOUND");
  });

  test("remove deletes the resource and reports whether it went", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { tenantId } = await setUp(ctx);
    const [gone, kept] = [f.resource({ tenantId }), f.resource({ tenantId })];
    for (const r of [gone, kept])
      expectOk(await adapter.tenant(tenantId, (u) => u.resources.insert(r)));
    const remove = () => adapter.tenant(tenantId, (u) => u.resources.remove("campaign", gone.id));
    expect(expectOk(await remove())).toBe(true);
    expect(expectOk(await remove())).toBe(false);
    expect(await rowsOf(inspect, "resources")).toEqual([kept]);
  });

  registerResourceListTests(test);
});
