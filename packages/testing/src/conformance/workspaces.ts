import type { WorkspaceId, WorkspaceStatus } from "@rookery/core";
import { ok, safeTry } from "neverthrow";
import { expect } from "vitest";
import { expectErr, expectOk } from "../expect-result.js";
import { seedTenant } from "../seed-tenant.js";
import type { RegisterTest } from "./group.js";
import { ALL, rowsOf } from "./helpers.js";

export function registerWorkspaceTests(test: RegisterTest): void {
  test("workspace insert stores it and get returns it", async ({ adapter, inspect, f }) => {
    const { tenant } = await seedTenant(adapter, f);
    const workspace = f.workspace({ tenantId: tenant.id, name: "Outreach" });
    const inserted = await adapter.tenant(tenant.id, (u) => u.workspaces.insert(workspace));
    expect(expectOk(inserted)).toEqual(workspace);
    const got = await adapter.tenant(tenant.id, (u) => u.workspaces.get(workspace.id));
    expect(expectOk(got)).toEqual(workspace);
    const absent = await adapter.tenant(tenant.id, (u) => u.workspaces.get(f.workspaceId()));
    expect(expectOk(absent)).toBeNull();
    expect(await rowsOf(inspect, "workspaces")).toEqual([workspace]);
  });

  test("workspace insert of an existing id is CONFLICT", async ({ adapter, inspect, f }) => {
    const { tenant } = await seedTenant(adapter, f);
    const workspace = f.workspace({ tenantId: tenant.id });
    expectOk(await adapter.tenant(tenant.id, (u) => u.workspaces.insert(workspace)));
    const twin = f.workspace({ tenantId: tenant.id, id: workspace.id, name: "Other name" });
    const result = await adapter.tenant(tenant.id, (u) => u.workspaces.insert(twin));
    expectErr(result, "CONFLICT", "workspace");
    expect(await rowsOf(inspect, "workspaces")).toEqual([workspace]);
  });

  test("workspace names are unique in a tenant but free across tenants", async ({
    adapter,
    inspect,
    f,
  }) => {
    const a = (await seedTenant(adapter, f)).tenant;
    const b = (await seedTenant(adapter, f)).tenant;
    const first = f.workspace({ tenantId: a.id, name: "Outreach" });
    expectOk(await adapter.tenant(a.id, (u) => u.workspaces.insert(first)));
    const same = f.workspace({ tenantId: a.id, name: "Outreach" });
    const clash = await adapter.tenant(a.id, (u) => u.workspaces.insert(same));
    expectErr(clash, "CONFLICT", "workspace");
    const elsewhere = f.workspace({ tenantId: b.id, name: "Outreach" });
    expectOk(await adapter.tenant(b.id, (u) => u.workspaces.insert(elsewhere)));
    const rows = await rowsOf(inspect, "workspaces");
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(expect.arrayContaining([first, elsewhere]));
  });

  test("workspace list pages in ascending id order and narrows by ids and status", async ({
    adapter,
    f,
  }) => {
    const { tenant } = await seedTenant(adapter, f);
    const statuses: WorkspaceStatus[] = ["active", "archived", "active", "archived", "active"];
    const workspaces = statuses.map((status) => f.workspace({ tenantId: tenant.id, status }));
    const ids = workspaces.map((w) => w.id);
    const list = (query: {
      limit: number;
      after?: string;
      ids?: WorkspaceId[];
      status?: WorkspaceStatus;
    }) => adapter.tenant(tenant.id, (u) => u.workspaces.list(query));
    // Inserted in reverse: the order comes from the ids, not from insertion.
    for (const w of [...workspaces].reverse()) {
      expectOk(await adapter.tenant(tenant.id, (u) => u.workspaces.insert(w)));
    }
    const first = expectOk(await list({ limit: 2 }));
    expect(first).toEqual({ items: workspaces.slice(0, 2), next: ids[1] });
    const rest = expectOk(await list({ limit: 10, ...(first.next ? { after: first.next } : {}) }));
    expect(rest).toEqual({ items: workspaces.slice(2), next: null });
    const picked = [ids[4], ids[0], f.workspaceId()].filter((id) => id !== undefined);
    const narrowed = expectOk(await list({ limit: 10, ids: picked }));
    expect(narrowed.items).toEqual([workspaces[0], workspaces[4]]);
    const archived = expectOk(await list({ limit: 10, status: "archived" }));
    expect(archived.items).toEqual([workspaces[1], workspaces[3]]);
    const none = expectOk(await list({ limit: 10, ids: [] }));
    expect(none.items).toEqual([]);
  });

  test("workspace count counts all or one status", async ({ adapter, f }) => {
    const { tenant } = await seedTenant(adapter, f);
    const counts = await adapter.tenant(tenant.id, (u) =>
      safeTry(async function* () {
        const before = yield* u.workspaces.count();
        for (const status of ["active", "active", "archived"] as const) {
          yield* u.workspaces.insert(f.workspace({ tenantId: tenant.id, status }));
        }
        const all = yield* u.workspaces.count();
        const active = yield* u.workspaces.count({ status: "active" });
        const archived = yield* u.workspaces.count({ status: "archived" });
        return ok([before, all, active, archived]);
      }),
    );
    expect(expectOk(counts)).toEqual([0, 3, 2, 1]);
  });

  test("workspace update renames and archives; absent is NOT_FOUND; a taken name CONFLICT", async ({
    adapter,
    inspect,
    f,
  }) => {
    const { tenant } = await seedTenant(adapter, f);
    const [one, two] = [f.workspace({ tenantId: tenant.id }), f.workspace({ tenantId: tenant.id })];
    for (const w of [one, two]) {
      expectOk(await adapter.tenant(tenant.id, (u) => u.workspaces.insert(w)));
    }
    const patch = { name: "Renamed", status: "archived" as const, updatedAt: f.now() };
    const updated = await adapter.tenant(tenant.id, (u) => u.workspaces.update(one.id, patch));
    expect(expectOk(updated)).toEqual({ ...one, ...patch });
    const taken = await adapter.tenant(tenant.id, (u) =>
      u.workspaces.update(two.id, { name: "Renamed", updatedAt: f.now() }),
    );
    expectErr(taken, "CONFLICT", "workspace");
    const absent = await adapter.tenant(tenant.id, (u) =>
      u.workspaces.update(f.workspaceId(), { name: "Ghost", updatedAt: f.now() }),
    );
    expectErr(absent, "NOT_FOUND");
    const rows = await rowsOf(inspect, "workspaces");
    expect(rows).toEqual(expect.arrayContaining([{ ...one, ...patch }, two]));
  });

  test("workspace remove takes its assignments, resources and settings overrides", async ({
    adapter,
    inspect,
    f,
  }) => {
    const { tenant, owner } = await seedTenant(adapter, f);
    const tenantId = tenant.id;
    const [gone, kept] = [f.workspace({ tenantId }), f.workspace({ tenantId })];
    const setUp = await adapter.tenant(tenantId, (u) =>
      safeTry(async function* () {
        for (const w of [gone, kept]) {
          yield* u.workspaces.insert(w);
          yield* u.assignments.add(f.assignment({ tenantId, workspaceId: w.id, userId: owner.id }));
          yield* u.resources.insert(f.resource({ tenantId, workspaceId: w.id }));
          yield* u.settings.putWorkspace(f.workspaceSettings({ tenantId, workspaceId: w.id }));
        }
        return ok(undefined);
      }),
    );
    expectOk(setUp);
    expect(expectOk(await adapter.tenant(tenantId, (u) => u.workspaces.remove(gone.id)))).toBe(
      true,
    );
    expect(expectOk(await adapter.tenant(tenantId, (u) => u.workspaces.remove(gone.id)))).toBe(
      false,
    );
    for (const table of ["workspaces", "assignments", "resources", "workspace_settings"] as const) {
      const rows = await rowsOf(inspect, table);
      const ids = rows.map((row) => row.workspaceId ?? row.id);
      expect(ids, table).toEqual([kept.id]);
    }
    const left = await adapter.tenant(tenantId, (u) =>
      u.resources.list({ ...ALL, type: "campaign", workspaces: "all" }),
    );
    expect(expectOk(left).items.map((r) => r.workspaceId)).toEqual([kept.id]);
  });
}
