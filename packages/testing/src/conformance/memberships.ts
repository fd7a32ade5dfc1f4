import type { UserId } from "@rookery/core";
import { ok, safeTry } from "neverthrow";
import { expect } from "vitest";
import { expectErr, expectOk } from "../expect-result.js";
import { seedTenant } from "../seed-tenant.js";
import type { RegisterTest } from "./group.js";
import { ALL, addMember, rowsOf } from "./helpers.js";

export function registerMembershipTests(test: RegisterTest): void {
  test("membership insert stores the member; get, list and count see it", async ({
    adapter,
    inspect,
    f,
  }) => {
    const { tenant, ownerMembership } = await seedTenant(adapter, f);
    const { membership } = await addMember(adapter, f, tenant.id, { role: "admin" });
    const seen = await adapter.tenant(tenant.id, (u) =>
      safeTry(async function* () {
        const got = yield* u.memberships.get(membership.userId);
        const page = yield* u.memberships.list(ALL);
        const count = yield* u.memberships.count();
        return ok({ got, page, count });
      }),
    );
    const { got, page, count } = expectOk(seen);
    expect(got).toEqual(membership);
    expect(page).toEqual({ items: [ownerMembership, membership], next: null });
    expect(count).toBe(2);
    const rows = await rowsOf(inspect, "memberships");
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(expect.arrayContaining([ownerMembership, membership]));
  });

  test("membership insert of an existing member is CONFLICT", async ({ adapter, inspect, f }) => {
    const { tenant } = await seedTenant(adapter, f);
    const { membership } = await addMember(adapter, f, tenant.id);
    const again = f.membership({ ...membership, role: "admin" });
    expectErr(
      await adapter.tenant(tenant.id, (u) => u.memberships.insert(again)),
      "CONFLICT",
      "membership",
    );
    expect(await rowsOf(inspect, "memberships")).toContainEqual(membership);
  });

  test("membership list pages in ascending user id order and narrows by userIds", async ({
    adapter,
    f,
  }) => {
    const { tenant, owner } = await seedTenant(adapter, f);
    const add = async () => (await addMember(adapter, f, tenant.id)).user.id;
    const [u1, u2, u3, u4] = [await add(), await add(), await add(), await add()];
    const list = (query: { limit: number; after?: string; userIds?: UserId[] }) =>
      adapter.tenant(tenant.id, (u) => u.memberships.list(query));
    const first = expectOk(await list({ limit: 3 }));
    expect(first.items.map((m) => m.userId)).toEqual([owner.id, u1, u2]);
    expect(first.next).toBe(u2);
    const rest = expectOk(await list({ limit: 3, after: u2 }));
    expect(rest.items.map((m) => m.userId)).toEqual([u3, u4]);
    expect(rest.next).toBeNull();
    const narrowed = expectOk(await list({ limit: 50, userIds: [u3, u1, f.userId()] }));
    expect(narrowed.items.map((m) => m.userId)).toEqual([u1, u3]);
  });

  test("updateRole changes the role; a non-member is NOT_FOUND", async ({
    adapter,
    inspect,
    f,
  }) => {
    const { tenant } = await seedTenant(adapter, f);
    const { membership } = await addMember(adapter, f, tenant.id);
    const at = f.now();
    const updated = expectOk(
      await adapter.tenant(tenant.id, (u) =>
        u.memberships.updateRole(membership.userId, "admin", at),
      ),
    );
    expect(updated).toEqual({ ...membership, role: "admin", updatedAt: at });
    expect(await rowsOf(inspect, "memberships")).toContainEqual(updated);
    const absent = await adapter.tenant(tenant.id, (u) =>
      u.memberships.updateRole(f.userId(), "admin", at),
    );
    expectErr(absent, "NOT_FOUND");
  });

  test("owner returns the one owner, or null before there is one", async ({ adapter, f }) => {
    const tenant = f.tenant();
    expectOk(await adapter.platform((u) => u.tenants.insert(tenant)));
    expect(expectOk(await adapter.tenant(tenant.id, (u) => u.memberships.owner()))).toBeNull();
    const { membership } = await addMember(adapter, f, tenant.id, { role: "owner" });
    await addMember(adapter, f, tenant.id, { role: "admin" });
    expect(expectOk(await adapter.tenant(tenant.id, (u) => u.memberships.owner()))).toEqual(
      membership,
    );
  });

  test("a second owner insert is CONFLICT: at most one owner per tenant", async ({
    adapter,
    inspect,
    f,
  }) => {
    const { tenant, ownerMembership } = await seedTenant(adapter, f);
    const user = f.user();
    expectOk(await adapter.platform((u) => u.users.insert(user)));
    const second = f.membership({ tenantId: tenant.id, userId: user.id, role: "owner" });
    expectErr(
      await adapter.tenant(tenant.id, (u) => u.memberships.insert(second)),
      "CONFLICT",
      "membership",
    );
    const owners = (await rowsOf(inspect, "memberships")).filter((m) => m.role === "owner");
    expect(owners).toEqual([ownerMembership]);
  });

  test("updateRole to owner while another member owns is CONFLICT", async ({
    adapter,
    inspect,
    f,
  }) => {
    const { tenant, ownerMembership } = await seedTenant(adapter, f);
    const { membership } = await addMember(adapter, f, tenant.id, { role: "admin" });
    const promoted = await adapter.tenant(tenant.id, (u) =>
      u.memberships.updateRole(membership.userId, "owner", f.now()),
    );
    expectErr(promoted, "CONFLICT");
    const owners = (await rowsOf(inspect, "memberships")).filter((m) => m.role === "owner");
    expect(owners).toEqual([ownerMembership]);
  });

  test("ownership moves within one unit: demote the owner, then promote", async ({
    adapter,
    inspect,
    f,
  }) => {
    const { tenant, owner } = await seedTenant(adapter, f);
    const { user } = await addMember(adapter, f, tenant.id, { role: "admin" });
    const at = f.now();
    const moved = await adapter.tenant(tenant.id, (u) =>
      safeTry(async function* () {
        yield* u.memberships.updateRole(owner.id, "admin", at);
        yield* u.memberships.updateRole(user.id, "owner", at);
        return u.memberships.owner();
      }),
    );
    expect(expectOk(moved)).toMatchObject({ userId: user.id, role: "owner" });
    const owners = (await rowsOf(inspect, "memberships")).filter((m) => m.role === "owner");
    expect(owners).toEqual([expect.objectContaining({ userId: user.id })]);
  });

  test("removing a member removes its workspace assignments", async ({ adapter, inspect, f }) => {
    const { tenant, owner } = await seedTenant(adapter, f);
    const { user } = await addMember(adapter, f, tenant.id);
    const workspace = f.workspace({ tenantId: tenant.id });
    const setUp = await adapter.tenant(tenant.id, (u) =>
      safeTry(async function* () {
        yield* u.workspaces.insert(workspace);
        for (const userId of [user.id, owner.id]) {
          yield* u.assignments.add(
            f.assignment({ tenantId: tenant.id, workspaceId: workspace.id, userId }),
          );
        }
        return ok(undefined);
      }),
    );
    expectOk(setUp);
    expect(expectOk(await adapter.tenant(tenant.id, (u) => u.memberships.remove(user.id)))).toBe(
      true,
    );
    expect(expectOk(await adapter.tenant(tenant.id, (u) => u.memberships.remove(user.id)))).toBe(
      false,
    );
    const left = await adapter.tenant(tenant.id, (u) => u.assignments.listForUser(user.id));
    expect(expectOk(left)).toEqual([]);
    expect(await rowsOf(inspect, "assignments")).toEqual([
      expect.objectContaining({ userId: owner.id, workspaceId: workspace.id }),
    ]);
    expect(await rowsOf(inspect, "memberships")).toHaveLength(1);
  });
}
