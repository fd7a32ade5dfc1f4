import { ok, safeTry } from "neverthrow";
import { expect } from "vitest";
import { expectErr, expectOk } from "../expect-result.js";
import { seedTenant } from "../seed-tenant.js";
import { defineGroup } from "./group.js";
import { ALL, rowsOf } from "./helpers.js";

/** A tenant's invitations: rows with the hash of a token's secret, never a token. */
export const invitationsGroup = defineGroup("invitations", (test) => {
  test("insert stores the invitation; get, list and the inspector see it", async ({
    adapter,
    inspect,
    f,
  }) => {
    const { tenant, owner } = await seedTenant(adapter, f);
    const workspace = f.workspace({ tenantId: tenant.id });
    const invitation = f.invitation({
      tenantId: tenant.id,
      invitedBy: owner.id,
      email: "Mia@Example.com",
      role: "admin",
      workspaceIds: [],
    });
    const stored = await adapter.tenant(tenant.id, (u) =>
      safeTry(async function* () {
        yield* u.workspaces.insert(workspace);
        return ok(yield* u.invitations.insert(invitation));
      }),
    );
    expect(expectOk(stored)).toEqual(invitation);
    expect(invitation.email).toBe("mia@example.com");
    const got = await adapter.tenant(tenant.id, (u) => u.invitations.get(invitation.id));
    expect(expectOk(got)).toEqual(invitation);
    const page = await adapter.tenant(tenant.id, (u) => u.invitations.list(ALL));
    expect(expectOk(page)).toEqual({ items: [invitation], next: null });
    expect(await rowsOf(inspect, "invitations")).toEqual([invitation]);
    const absent = await adapter.tenant(tenant.id, (u) => u.invitations.get(f.invitationId()));
    expect(expectOk(absent)).toBeNull();
  });

  test("workspace ids are kept in order; an insert of an existing id is CONFLICT", async ({
    adapter,
    inspect,
    f,
  }) => {
    const { tenant, owner } = await seedTenant(adapter, f);
    const [w1, w2] = [f.workspaceId(), f.workspaceId()];
    const invitation = f.invitation({
      tenantId: tenant.id,
      invitedBy: owner.id,
      workspaceIds: [w1, w2],
    });
    expectOk(await adapter.tenant(tenant.id, (u) => u.invitations.insert(invitation)));
    const twin = f.invitation({ tenantId: tenant.id, invitedBy: owner.id, id: invitation.id });
    expectErr(
      await adapter.tenant(tenant.id, (u) => u.invitations.insert(twin)),
      "CONFLICT",
      "invitation",
    );
    expect(await rowsOf(inspect, "invitations")).toEqual([invitation]);
  });

  test("list pages in ascending id order and narrows by status and e-mail", async ({
    adapter,
    f,
  }) => {
    const { tenant, owner } = await seedTenant(adapter, f);
    const make = (email: string, status: "pending" | "revoked") =>
      f.invitation({ tenantId: tenant.id, invitedBy: owner.id, email, status });
    const rows = [
      make("mia@example.com", "pending"),
      make("kim@example.com", "revoked"),
      make("mia@example.com", "revoked"),
      make("lou@example.com", "pending"),
    ];
    for (const row of rows) {
      expectOk(await adapter.tenant(tenant.id, (u) => u.invitations.insert(row)));
    }
    const list = async (query: {
      after?: string;
      status?: "pending" | "revoked";
      email?: string;
      limit?: number;
    }) =>
      expectOk(
        await adapter.tenant(tenant.id, (u) => u.invitations.list({ limit: 2, ...query }), {
          intent: "read",
        }),
      );
    const first = await list({});
    expect(first).toEqual({ items: rows.slice(0, 2), next: rows[1]?.id });
    expect(await list({ after: first.next as string })).toEqual({
      items: rows.slice(2),
      next: null,
    });
    expect((await list({ status: "pending", limit: 10 })).items).toEqual([rows[0], rows[3]]);
    expect((await list({ email: "MIA@example.com", limit: 10 })).items).toEqual([rows[0], rows[2]]);
    expect((await list({ email: "mia@example.com", status: "revoked", limit: 10 })).items).toEqual([
      rows[2],
    ]);
  });

  test("update applies the patch and keeps the other fields; an absent id is NOT_FOUND", async ({
    adapter,
    inspect,
    f,
  }) => {
    const { tenant, owner } = await seedTenant(adapter, f);
    const invitation = f.invitation({ tenantId: tenant.id, invitedBy: owner.id });
    expectOk(await adapter.tenant(tenant.id, (u) => u.invitations.insert(invitation)));
    const patch = {
      status: "accepted" as const,
      acceptedBy: owner.id,
      secretHash: "f".repeat(64),
      expiresAt: "2026-02-01T00:00:00.000Z",
      updatedAt: "2026-01-02T00:00:00.000Z",
    };
    const updated = await adapter.tenant(tenant.id, (u) =>
      u.invitations.update(invitation.id, patch),
    );
    expect(expectOk(updated)).toEqual({ ...invitation, ...patch });
    const partial = await adapter.tenant(tenant.id, (u) =>
      u.invitations.update(invitation.id, { updatedAt: "2026-01-03T00:00:00.000Z" }),
    );
    expect(expectOk(partial)).toEqual({
      ...invitation,
      ...patch,
      updatedAt: "2026-01-03T00:00:00.000Z",
    });
    const absent = await adapter.tenant(tenant.id, (u) =>
      u.invitations.update(f.invitationId(), { status: "revoked", updatedAt: f.now() }),
    );
    expectErr(absent, "NOT_FOUND", "invitation");
    expect(await rowsOf(inspect, "invitations")).toHaveLength(1);
  });
});
