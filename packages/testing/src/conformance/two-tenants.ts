import type { Resource, TenantId, UserId, WorkspaceId } from "@rookery/core";
import type { InvitationRecord } from "@rookery/core/adapter";
import { ok, safeTry } from "neverthrow";
import { expectOk } from "../expect-result.js";
import type { SeededTenant } from "../seed-tenant.js";
import { seedTenant } from "../seed-tenant.js";
import type { ConformanceContext } from "./group.js";
import { addMember } from "./helpers.js";

/** One tenant of the pair, with a row of every tenant-owned kind. */
export interface PopulatedTenant {
  readonly seeded: SeededTenant;
  readonly tenantId: TenantId;
  readonly owner: UserId;
  readonly member: UserId;
  readonly workspace: WorkspaceId;
  readonly campaign: Resource;
  readonly template: Resource;
  readonly invitation: InvitationRecord;
}

/**
 * Tenants A and B built alike: same tenant name, same users' names, same
 * workspace name, same resource data, so that nothing but the tenant keeps
 * them apart. Only ids and e-mails differ, as they must.
 */
export async function twoTenants(
  ctx: ConformanceContext,
): Promise<{ a: PopulatedTenant; b: PopulatedTenant }> {
  const a = await populate(ctx);
  const b = await populate(ctx);
  return { a, b };
}

async function populate({ adapter, f }: ConformanceContext): Promise<PopulatedTenant> {
  const seeded = await seedTenant(adapter, f, { name: "Penguin Co", ownerName: "Pat Penguin" });
  const tenantId = seeded.tenant.id;
  const { user } = await addMember(adapter, f, tenantId, { name: "Sam Skua" });
  const workspace = f.workspace({ tenantId, name: "Outreach" });
  const campaign = f.resource({ tenantId, workspaceId: workspace.id, data: { subject: "Sale" } });
  const template = f.resource({ tenantId, type: "template", data: { body: "Hello {name}" } });
  const invitation = f.invitation({
    tenantId,
    invitedBy: seeded.owner.id,
    workspaceIds: [workspace.id],
  });
  const filled = await adapter.tenant(tenantId, (u) =>
    safeTry(async function* () {
      yield* u.workspaces.insert(workspace);
      yield* u.assignments.add(
        f.assignment({ tenantId, workspaceId: workspace.id, userId: user.id }),
      );
      yield* u.resources.insert(campaign);
      yield* u.resources.insert(template);
      yield* u.settings.putTenant(f.tenantSettings({ tenantId, values: { locale: "en" } }));
      yield* u.settings.putWorkspace(
        f.workspaceSettings({ tenantId, workspaceId: workspace.id, values: { daily: 50 } }),
      );
      yield* u.invitations.insert(invitation);
      yield* u.audit.append(f.auditEvent({ tenantId, action: "workspace.create" }));
      return ok(undefined);
    }),
  );
  expectOk(filled, "populating a tenant of the pair");
  return {
    seeded,
    tenantId,
    owner: seeded.owner.id,
    member: user.id,
    workspace: workspace.id,
    campaign,
    template,
    invitation,
  };
}
