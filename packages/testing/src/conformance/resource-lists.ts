import type { WorkspaceFilter } from "@rookery/core/adapter";
import { ok, safeTry } from "neverthrow";
import { expect } from "vitest";
import { expectErr, expectOk } from "../expect-result.js";
import type { RegisterTest } from "./group.js";
import { ALL, rowsOf } from "./helpers.js";
import { tenantWithWorkspaces as setUp } from "./tenant-with-workspaces.js";

export function registerResourceListTests(test: RegisterTest): void {
  test("list and count filter by workspaces: all, a list, or none", async (ctx) => {
    const { adapter, f } = ctx;
    const { tenantId, w1, w2 } = await setUp(ctx);
    const shared = f.resource({ tenantId });
    const [inW1, inW2] = [
      f.resource({ tenantId, workspaceId: w1 }),
      f.resource({ tenantId, workspaceId: w2 }),
    ];
    for (const r of [shared, inW1, inW2]) {
      expectOk(await adapter.tenant(tenantId, (u) => u.resources.insert(r)));
    }
    const query = async (workspaces: WorkspaceFilter) => {
      const result = await adapter.tenant(tenantId, (u) =>
        safeTry(async function* () {
          const page = yield* u.resources.list({ ...ALL, type: "campaign", workspaces });
          const count = yield* u.resources.count({ type: "campaign", workspaces });
          return ok({ ids: page.items.map((r) => r.id), count });
        }),
      );
      return expectOk(result);
    };
    expect(await query("all")).toEqual({ ids: [shared.id, inW1.id, inW2.id], count: 3 });
    expect(await query([w2])).toEqual({ ids: [inW2.id], count: 1 });
    expect(await query([w2, w1])).toEqual({ ids: [inW1.id, inW2.id], count: 2 });
    expect(await query([])).toEqual({ ids: [], count: 0 });
    expect(await query([f.workspaceId()])).toEqual({ ids: [], count: 0 });
  });

  test("list pages in ascending id order", async (ctx) => {
    const { adapter, f } = ctx;
    const { tenantId } = await setUp(ctx);
    const resources = [1, 2, 3, 4, 5].map(() => f.resource({ tenantId }));
    for (const r of [...resources].reverse()) {
      expectOk(await adapter.tenant(tenantId, (u) => u.resources.insert(r)));
    }
    const page = async (after?: string) =>
      expectOk(
        await adapter.tenant(tenantId, (u) =>
          u.resources.list({
            limit: 2,
            type: "campaign",
            workspaces: "all",
            ...(after ? { after } : {}),
          }),
        ),
      );
    const first = await page();
    expect(first).toEqual({ items: resources.slice(0, 2), next: resources[1]?.id });
    const second = await page(first.next ?? undefined);
    expect(second).toEqual({ items: resources.slice(2, 4), next: resources[3]?.id });
    expect(await page(second.next ?? undefined)).toEqual({ items: resources.slice(4), next: null });
  });

  test("types are apart: an id under another type is not found", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { tenantId } = await setUp(ctx);
    const campaign = f.resource({ tenantId, type: "campaign" });
    const template = f.resource({ tenantId, type: "template" });
    for (const r of [campaign, template])
      expectOk(await adapter.tenant(tenantId, (u) => u.resources.insert(r)));
    const seen = await adapter.tenant(tenantId, (u) =>
      safeTry(async function* () {
        const got = yield* u.resources.get("template", campaign.id);
        const removed = yield* u.resources.remove("template", campaign.id);
        const templates = yield* u.resources.list({ ...ALL, type: "template", workspaces: "all" });
        const contacts = yield* u.resources.count({ type: "contact", workspaces: "all" });
        return ok({ got, removed, templates: templates.items, contacts });
      }),
    );
    expect(expectOk(seen)).toEqual({
      got: null,
      removed: false,
      templates: [template],
      contacts: 0,
    });
    const update = await adapter.tenant(tenantId, (u) =>
      u.resources.update("template", campaign.id, { data: {}, updatedAt: f.now() }),
    );
    expectErr(update, "NOT_FOUND");
    expect(await rowsOf(inspect, "resources")).toEqual(
      expect.arrayContaining([campaign, template]),
    );
  });
}
