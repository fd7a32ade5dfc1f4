import type { Resource, RookeryAdapter, TenantId, UserId, WorkspaceId } from "@rookery/core";
import type { InvitationRecord, TenantUnit } from "@rookery/core/adapter";
import { ok, safeTry } from "neverthrow";
import { expect } from "vitest";
import { expectOk } from "../expect-result.js";
import type { RegisterTest } from "./group.js";
import { ALL, storeState } from "./helpers.js";
import { twoTenants } from "./two-tenants.js";

/** Everything a unit can read without naming an id: what the tenant "sees". */
function seeAll(unit: TenantUnit) {
  return safeTry(async function* () {
    return ok({
      tenant: (yield* unit.tenant.get())?.id ?? null,
      members: (yield* unit.memberships.list(ALL)).items.map((m) => m.userId),
      memberCount: yield* unit.memberships.count(),
      owner: (yield* unit.memberships.owner())?.userId ?? null,
      workspaces: (yield* unit.workspaces.list(ALL)).items.map((w) => w.id),
      workspaceCount: yield* unit.workspaces.count(),
      campaigns: (yield* unit.resources.list({ ...ALL, type: "campaign", workspaces: "all" }))
        .items,
      templateCount: yield* unit.resources.count({ type: "template", workspaces: "all" }),
      subscription: (yield* unit.subscription.get())?.tenantId ?? null,
      settings: (yield* unit.settings.getTenant())?.tenantId ?? null,
      invitations: (yield* unit.invitations.list(ALL)).items.map((i) => i.id),
      audit: (yield* unit.audit.list(ALL)).items.map((e) => e.tenantId),
    });
  });
}

/** Reads in one unit of `tenantId` that name another tenant's ids. */
function readForeign(
  adapter: RookeryAdapter,
  tenantId: TenantId,
  foreign: {
    user: UserId;
    workspace: WorkspaceId;
    campaign: Pick<Resource, "id" | "type">;
    invitation: InvitationRecord;
  },
) {
  return adapter.tenant(
    tenantId,
    (u) =>
      safeTry(async function* () {
        const { user, workspace, campaign, invitation } = foreign;
        return ok({
          member: yield* u.memberships.get(user),
          members: (yield* u.memberships.list({ ...ALL, userIds: [user] })).items,
          workspace: yield* u.workspaces.get(workspace),
          workspaces: (yield* u.workspaces.list({ ...ALL, ids: [workspace] })).items,
          forUser: yield* u.assignments.listForUser(user),
          forWorkspace: yield* u.assignments.listForWorkspace(workspace),
          overrides: yield* u.settings.getWorkspace(workspace),
          resource: yield* u.resources.get(campaign.type, campaign.id),
          listed: (yield* u.resources.list({ ...ALL, type: "campaign", workspaces: [workspace] }))
            .items,
          counted: yield* u.resources.count({ type: "campaign", workspaces: [workspace] }),
          invitation: yield* u.invitations.get(invitation.id),
          invitations: (yield* u.invitations.list({ ...ALL, email: invitation.email })).items,
        });
      }),
    { intent: "read" },
  );
}

const NOTHING = {
  member: null,
  members: [],
  workspace: null,
  workspaces: [],
  forUser: [],
  forWorkspace: [],
  overrides: null,
  resource: null,
  listed: [],
  counted: 0,
  invitation: null,
  invitations: [],
};

export function registerIsolatedReadTests(test: RegisterTest): void {
  test("tenants alike in every name each see only their own rows", async (ctx) => {
    const { adapter } = ctx;
    const { a, b } = await twoTenants(ctx);
    for (const t of [a, b]) {
      const seen = expectOk(await adapter.tenant(t.tenantId, seeAll, { intent: "read" }));
      expect(seen).toEqual({
        tenant: t.tenantId,
        members: [t.owner, t.member],
        memberCount: 2,
        owner: t.owner,
        workspaces: [t.workspace],
        workspaceCount: 1,
        campaigns: [t.campaign],
        templateCount: 1,
        subscription: t.tenantId,
        settings: t.tenantId,
        invitations: [t.invitation.id],
        audit: [t.tenantId],
      });
    }
  });

  test("reads in a unit for A naming B's ids find nothing", async (ctx) => {
    const { adapter } = ctx;
    const { a, b } = await twoTenants(ctx);
    const foreign = {
      user: b.member,
      workspace: b.workspace,
      campaign: b.campaign,
      invitation: b.invitation,
    };
    expect(expectOk(await readForeign(adapter, a.tenantId, foreign))).toEqual(NOTHING);
    // The same reads in B find B's rows: the ids are real, only the tenant differs.
    const own = expectOk(await readForeign(adapter, b.tenantId, foreign));
    expect(own.member?.userId).toBe(b.member);
    expect(own.counted).toBe(1);
    expect(own.invitation).toEqual(b.invitation);
  });

  test("reads in a unit for A leave the store unchanged", async (ctx) => {
    const { adapter, inspect } = ctx;
    const { a, b } = await twoTenants(ctx);
    const before = await storeState(inspect);
    const foreign = {
      user: b.owner,
      workspace: b.workspace,
      campaign: b.template,
      invitation: b.invitation,
    };
    expectOk(await readForeign(adapter, a.tenantId, foreign));
    expectOk(await adapter.tenant(a.tenantId, seeAll));
    expect(await storeState(inspect)).toEqual(before);
  });

  test("a unit for a tenant with no tenant row reads nothing", async (ctx) => {
    const { adapter, f } = ctx;
    const { b } = await twoTenants(ctx);
    const ghost = f.tenantId();
    const seen = expectOk(await adapter.tenant(ghost, seeAll, { intent: "read" }));
    expect(seen).toEqual({
      tenant: null,
      members: [],
      memberCount: 0,
      owner: null,
      workspaces: [],
      workspaceCount: 0,
      campaigns: [],
      templateCount: 0,
      subscription: null,
      settings: null,
      invitations: [],
      audit: [],
    });
    const foreign = {
      user: b.member,
      workspace: b.workspace,
      campaign: b.campaign,
      invitation: b.invitation,
    };
    expect(expectOk(await readForeign(adapter, ghost, foreign))).toEqual(NOTHING);
  });
}
