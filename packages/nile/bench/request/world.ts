import { createTenancy, type Scope, type Tenancy } from "@rookery/core";
import type { RookeryAdapter } from "@rookery/core/adapter";
import { ok, type ResultAsync, safeTry } from "neverthrow";
import { z } from "zod";

const campaignSchema = z.strictObject({
  subject: z.string().max(200),
  status: z.enum(["draft", "scheduled", "sent"]),
});
const resources = { campaign: { scope: "workspace" as const, schema: campaignSchema } };
type BenchResources = typeof resources;
export type BenchTenancy = Tenancy<BenchResources>;
type BenchScope = Scope<BenchResources>;

/** One tenant of the bench: its owner's scope and the ids the contenders read. */
export interface BenchTenant {
  readonly tenantId: string;
  readonly ownerId: string;
  readonly workspaceId: string;
  readonly campaignIds: readonly string[];
  readonly scope: BenchScope;
}

export function benchTenancy(adapter: RookeryAdapter): BenchTenancy {
  return createTenancy({
    adapter,
    plans: { growth: { limits: { seats: 50, workspaces: 10 } } },
    resources,
  })._unsafeUnwrap();
}

/**
 * Tenants built through the public API as an application would: provisioned
 * with a first workspace, a team of `members`, and `campaigns` campaigns.
 */
export function buildTenants(
  tenancy: BenchTenancy,
  count: number,
  sizes: { readonly members: number; readonly campaigns: number },
): ResultAsync<BenchTenant[], unknown> {
  return safeTry(async function* () {
    const tenants: BenchTenant[] = [];
    for (let t = 0; t < count; t++) {
      const made = yield* tenancy.platform.provisionTenant({
        name: `Bench ${t}`,
        plan: "growth",
        owner: { email: `owner-${t}@bench.example` },
        firstWorkspace: { name: "Main" },
      });
      const workspaceId = made.workspace?.id ?? "";
      const scope = yield* tenancy.as({ userId: made.owner.userId, tenantId: made.tenant.id });
      for (let m = 0; m < sizes.members; m++) {
        const user = yield* tenancy.platform.registerUser({
          email: `member-${t}-${m}@bench.example`,
        });
        yield* scope.members.add({ userId: user.id });
      }
      const campaignIds: string[] = [];
      for (let c = 0; c < sizes.campaigns; c++) {
        const campaign = yield* scope
          .resources("campaign")
          .create({ workspaceId, data: { subject: `Campaign ${c}`, status: "draft" } });
        campaignIds.push(campaign.id);
      }
      tenants.push({
        tenantId: made.tenant.id,
        ownerId: made.owner.userId,
        workspaceId,
        campaignIds,
        scope,
      });
    }
    return ok(tenants);
  });
}
