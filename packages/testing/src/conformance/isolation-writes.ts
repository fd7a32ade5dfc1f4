import type { RookeryError } from "@rookery/core";
import type { TenantUnit } from "@rookery/core/adapter";
import type { ResultAsync } from "neverthrow";
import { expect } from "vitest";
import { expectErr, expectOk } from "../expect-result.js";
import type { Fixtures } from "../fixtures.js";
import type { RegisterTest } from "./group.js";
import { addMember, rowsOf, storeState } from "./helpers.js";
import { type PopulatedTenant, twoTenants } from "./two-tenants.js";

type Write = (unit: TenantUnit) => ResultAsync<unknown, RookeryError>;

const KINDS = [
  "membership",
  "workspace",
  "assignment",
  "tenant settings",
  "workspace settings",
  "resource",
  "invitation",
  "audit event",
] as const;
type Kind = (typeof KINDS)[number];

const article = (word: string) => (/^[aeiou]/.test(word) ? "an" : "a");

/**
 * One insert of every tenant-owned kind into tenant `t`, each of which would
 * succeed on its own, with `tenantId` written into the row.
 */
function insertsOfEveryKind(
  f: Fixtures,
  t: PopulatedTenant,
  tenantId = t.tenantId,
): Record<Kind, Write> {
  const workspaceId = t.workspace;
  return {
    membership: (u) => u.memberships.insert(f.membership({ tenantId, userId: f.userId() })),
    workspace: (u) => u.workspaces.insert(f.workspace({ tenantId })),
    assignment: (u) => u.assignments.add(f.assignment({ tenantId, workspaceId, userId: t.owner })),
    "tenant settings": (u) => u.settings.putTenant(f.tenantSettings({ tenantId })),
    "workspace settings": (u) =>
      u.settings.putWorkspace(f.workspaceSettings({ tenantId, workspaceId })),
    resource: (u) => u.resources.insert(f.resource({ tenantId, workspaceId })),
    invitation: (u) => u.invitations.insert(f.invitation({ tenantId, invitedBy: t.owner })),
    "audit event": (u) => u.audit.append(f.auditEvent({ tenantId })),
  };
}

export function registerIsolatedWriteTests(test: RegisterTest): void {
  for (const kind of KINDS) {
    test(`${article(kind)} ${kind} row naming another tenant is refused with ISOLATION_BREACH`, async (ctx) => {
      const { adapter, inspect, f } = ctx;
      const { a, b } = await twoTenants(ctx);
      const before = await storeState(inspect);
      const write = insertsOfEveryKind(f, a, b.tenantId)[kind];
      expectErr(
        await adapter.tenant(a.tenantId, write),
        "ISOLATION_BREACH",
        undefined,
        `a ${kind} for B`,
      );
      expect(await storeState(inspect)).toEqual(before);
    });
  }

  test("a subscription naming another tenant is refused with ISOLATION_BREACH", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { b } = await twoTenants(ctx);
    // A tenant without a subscription, so only the foreign tenant id can make it fail.
    const bare = f.tenant();
    expectOk(await adapter.platform((u) => u.tenants.insert(bare)));
    const before = await storeState(inspect);
    const foreign = f.subscription({ tenantId: b.tenantId });
    const result = await adapter.tenant(bare.id, (u) => u.subscription.insert(foreign));
    expectErr(result, "ISOLATION_BREACH");
    expect(await storeState(inspect)).toEqual(before);
  });

  test("writes in a unit for A land in A and leave B unchanged", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { a, b } = await twoTenants(ctx);
    const bBefore = await storeState(inspect, b.tenantId);
    const { user } = await addMember(adapter, f, a.tenantId);
    const writes = insertsOfEveryKind(f, { ...a, owner: user.id });
    for (const [kind, write] of Object.entries(writes)) {
      if (kind === "membership") continue; // a member needs a user: added above
      expectOk(await adapter.tenant(a.tenantId, write), `writing a ${kind} in A`);
    }
    for (const table of ["memberships", "workspaces", "resources", "audit_events"] as const) {
      const tenants = new Set((await rowsOf(inspect, table)).map((row) => row.tenantId));
      expect([...tenants].sort(), table).toEqual([a.tenantId, b.tenantId].sort());
    }
    expect(await rowsOf(inspect, "workspaces", a.tenantId)).toHaveLength(2);
    expect(await storeState(inspect, b.tenantId)).toEqual(bBefore);
  });

  test("updates and removes in a unit for A naming B's ids change nothing", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { a, b } = await twoTenants(ctx);
    const before = await storeState(inspect);
    const at = f.now();
    const attempts: Record<string, Write> = {
      "role update": (u) => u.memberships.updateRole(b.member, "admin", at),
      "workspace update": (u) => u.workspaces.update(b.workspace, { name: "Taken", updatedAt: at }),
      "resource update": (u) =>
        u.resources.update("campaign", b.campaign.id, { data: {}, updatedAt: at }),
      "invitation update": (u) =>
        u.invitations.update(b.invitation.id, { status: "revoked", updatedAt: at }),
    };
    for (const [name, attempt] of Object.entries(attempts)) {
      expectErr(await adapter.tenant(a.tenantId, attempt), "NOT_FOUND", undefined, name);
    }
    const removals: Record<string, Write> = {
      member: (u) => u.memberships.remove(b.member),
      workspace: (u) => u.workspaces.remove(b.workspace),
      assignment: (u) => u.assignments.remove(b.workspace, b.member),
      resource: (u) => u.resources.remove("campaign", b.campaign.id),
    };
    for (const [name, removal] of Object.entries(removals)) {
      expect(expectOk(await adapter.tenant(a.tenantId, removal)), name).toBe(false);
    }
    expect(await storeState(inspect)).toEqual(before);
  });

  test("B's workspace is absent for A: no assignment, override or resource in it", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { a, b } = await twoTenants(ctx);
    const before = await storeState(inspect);
    const tenantId = a.tenantId;
    const workspaceId = b.workspace;
    const writes: Record<string, Write> = {
      assignment: (u) =>
        u.assignments.add(f.assignment({ tenantId, workspaceId, userId: a.owner })),
      override: (u) => u.settings.putWorkspace(f.workspaceSettings({ tenantId, workspaceId })),
      resource: (u) => u.resources.insert(f.resource({ tenantId, workspaceId })),
    };
    for (const [name, write] of Object.entries(writes)) {
      expectErr(await adapter.tenant(tenantId, write), "NOT_FOUND", "workspace", name);
    }
    expect(await storeState(inspect)).toEqual(before);
  });

  test("ids used in B are free in A, as absent ids are", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { a, b } = await twoTenants(ctx);
    const tenantId = a.tenantId;
    const workspace = f.workspace({ tenantId, id: b.workspace, name: "Elsewhere" });
    const resource = f.resource({ tenantId, id: b.template.id, type: "template" });
    expectOk(await adapter.tenant(tenantId, (u) => u.workspaces.insert(workspace)));
    expectOk(await adapter.tenant(tenantId, (u) => u.resources.insert(resource)));
    const invitation = f.invitation({ tenantId, id: b.invitation.id, invitedBy: a.owner });
    expectOk(await adapter.tenant(tenantId, (u) => u.invitations.insert(invitation)));
    const got = await adapter.tenant(b.tenantId, (u) => u.resources.get("template", b.template.id));
    expect(expectOk(got)).toEqual(b.template);
    expect(await rowsOf(inspect, "workspaces", b.tenantId)).toEqual([
      expect.objectContaining({ id: b.workspace, name: "Outreach" }),
    ]);
  });

  test("a unit for a tenant with no tenant row cannot write: NOT_FOUND (tenant)", async (ctx) => {
    const { adapter, inspect, f } = ctx;
    const { a } = await twoTenants(ctx);
    const before = await storeState(inspect);
    const ghost = f.tenantId();
    const writes: Record<string, Write> = {
      ...insertsOfEveryKind(f, a, ghost),
      subscription: (u) => u.subscription.insert(f.subscription({ tenantId: ghost })),
    };
    for (const [kind, write] of Object.entries(writes)) {
      expectErr(await adapter.tenant(ghost, write), "NOT_FOUND", "tenant", `a ${kind}`);
    }
    expect(await storeState(inspect)).toEqual(before);
  });

  test("purge of A removes every row of A and leaves B intact", async (ctx) => {
    const { adapter, inspect } = ctx;
    const { a, b } = await twoTenants(ctx);
    const bBefore = await storeState(inspect, b.tenantId);
    const counts = expectOk(await adapter.tenant(a.tenantId, (u) => u.purge()));
    expect(counts).toEqual({ memberships: 2, workspaces: 1, resources: 2, auditEvents: 1 });
    const aAfter = await storeState(inspect, a.tenantId);
    // Only shared rows stay: the tenant row and claims are removed by a platform unit.
    expect(
      Object.entries(aAfter)
        .filter(([, rows]) => rows.length > 0)
        .map(([t]) => t),
    ).toEqual(["claims"]);
    expect(await storeState(inspect, b.tenantId)).toEqual(bBefore);
    expect(await rowsOf(inspect, "tenants")).toHaveLength(2);
  });
}
