import type { WorkspaceId } from "@rookery/core";
import { expectOk } from "../expect-result.js";
import { seedTenant } from "../seed-tenant.js";
import type { ConformanceContext } from "./group.js";

/** A tenant with two workspaces. */
export async function tenantWithWorkspaces({ adapter, f }: ConformanceContext) {
  const { tenant, owner } = await seedTenant(adapter, f);
  const ws = [f.workspace({ tenantId: tenant.id }), f.workspace({ tenantId: tenant.id })];
  for (const w of ws) expectOk(await adapter.tenant(tenant.id, (u) => u.workspaces.insert(w)));
  const [w1, w2] = ws.map((w) => w.id) as [WorkspaceId, WorkspaceId];
  return { tenantId: tenant.id, owner: owner.id, w1, w2 };
}
