import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { storeState } from "../conformance/helpers.js";
import { expectErr, expectOk } from "../expect-result.js";
import { penguinMails, penguinTenancy, tenancyWorld } from "./penguinmails.js";
import { auditRows, expectInvalid, expectNoChange, tenantRows } from "./support.js";

const signup = {
  name: "Penguin Corp",
  plan: "starter",
  owner: { email: "pat@a.example", name: "Pat Penguin" },
  firstWorkspace: { name: "Outreach" },
};

/** One call makes a whole tenant, and a failed or repeated one leaves no trace. */
export const provisioningGroup = defineGroup("tenancy: provisioning", (test) => {
  test("creates the tenant, owner, claim, subscription, settings and first workspace", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy } = penguinTenancy(adapter);
    const made = expectOk(await tenancy.platform.provisionTenant(signup));
    const tenantId = made.tenant.id;
    expect(made.tenant).toMatchObject({ name: "Penguin Corp", status: "active" });
    expect(await inspect.rows("tenants")).toEqual([
      expect.objectContaining({ id: tenantId, status: "active", deletedAt: null }),
    ]);
    expect(await inspect.rows("users")).toEqual([
      expect.objectContaining({
        id: made.owner.userId,
        email: "pat@a.example",
        name: "Pat Penguin",
      }),
    ]);
    expect(await inspect.rows("claims")).toEqual([
      expect.objectContaining({ userId: made.owner.userId, tenantId }),
    ]);
    expect(await tenantRows(inspect, "memberships", tenantId)).toEqual([
      expect.objectContaining({ userId: made.owner.userId, role: "owner" }),
    ]);
    expect(await tenantRows(inspect, "subscriptions", tenantId)).toEqual([
      expect.objectContaining({
        plan: "starter",
        status: "active",
        limits: made.subscription.limits,
      }),
    ]);
    expect(made.subscription.limits).toEqual(penguinMails().plans.starter.limits);
    const settings = await tenantRows(inspect, "tenant_settings", tenantId);
    expect(settings.map((row) => row.values)).toEqual([
      { timezone: "UTC", sendingWindow: { start: 8, end: 18 }, signature: "", trackOpens: true },
    ]);
    expect(await tenantRows(inspect, "workspaces", tenantId)).toEqual([
      expect.objectContaining({ id: made.workspace?.id, name: "Outreach", status: "active" }),
    ]);
    expect(await auditRows(inspect, tenantId)).toEqual([
      { action: "tenant.provision", actorId: null, target: { type: "tenant", id: tenantId } },
    ]);
    const me = expectOk(await expectOk(await tenancy.as(made.owner.userId)).me());
    expect(me.role).toBe("owner");
  });

  test("without a first workspace the tenant has none", async ({ adapter, inspect }) => {
    const { tenancy } = penguinTenancy(adapter);
    const { firstWorkspace: _, ...noWorkspace } = signup;
    const made = expectOk(await tenancy.platform.provisionTenant(noWorkspace));
    expect(made.workspace).toBeNull();
    expect(await inspect.rows("workspaces")).toEqual([]);
  });

  test("an existing user of no tenant becomes the owner, by id or by e-mail", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    expectOk(await a.as.owner.members.remove(a.ids.member));
    expectOk(await a.as.owner.members.remove(a.ids.admin));
    const usersBefore = (await inspect.rows("users")).length;
    const byId = expectOk(
      await tenancy.platform.provisionTenant({ ...signup, owner: { userId: a.ids.member } }),
    );
    expect(byId.owner.userId).toBe(a.ids.member);
    const byEmail = expectOk(
      await tenancy.platform.provisionTenant({ ...signup, owner: { email: "ADA@a.example" } }),
    );
    expect(byEmail.owner.userId).toBe(a.ids.admin);
    expect(await inspect.rows("users")).toHaveLength(usersBefore);
    const claims = await inspect.rows("claims");
    expect(claims).toContainEqual(
      expect.objectContaining({ userId: a.ids.member, tenantId: byId.tenant.id }),
    );
    expect(claims).toContainEqual(
      expect.objectContaining({ userId: a.ids.admin, tenantId: byEmail.tenant.id }),
    );
  });

  test("an owner who already belongs to a tenant is CONFLICT and nothing is left behind", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    for (const owner of [{ userId: a.ids.admin }, { email: "max@a.example" }]) {
      const error = await expectNoChange(inspect, () =>
        tenancy.platform.provisionTenant({ ...signup, name: "Elsewhere Ltd", owner }),
      );
      const conflict = expectErr(error, "CONFLICT", undefined, JSON.stringify(owner));
      expect(conflict.message).not.toContain("Penguin Corp");
      expect(conflict.message).not.toContain(a.tenantId);
    }
    expect((await inspect.rows("tenants")).map((t) => t.status)).toEqual(["active", "active"]);
  });

  test("an unknown owner id is NOT_FOUND and nothing is left behind", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy } = await tenancyWorld(adapter);
    const result = await expectNoChange(inspect, () =>
      tenancy.platform.provisionTenant({
        ...signup,
        owner: { userId: "00000000-0000-7000-8000-00000000dead" },
      }),
    );
    expectErr(result, "NOT_FOUND", "user");
  });

  test("a retry with the same idempotency key returns the same tenant", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy } = penguinTenancy(adapter);
    const input = { ...signup, idempotencyKey: "signup-penguin-corp-1" };
    const first = expectOk(await tenancy.platform.provisionTenant(input));
    const before = await storeState(inspect);
    const again = expectOk(await tenancy.platform.provisionTenant(input));
    expect(again.tenant.id).toBe(first.tenant.id);
    expect(again.owner.userId).toBe(first.owner.userId);
    expect(again.subscription).toEqual(first.subscription);
    expect(again.workspace?.id).toBe(first.workspace?.id);
    expect(await storeState(inspect)).toEqual(before);
  });

  test("the same idempotency key with another name is CONFLICT and changes nothing", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy } = penguinTenancy(adapter);
    const input = { ...signup, idempotencyKey: "signup-penguin-corp-2" };
    expectOk(await tenancy.platform.provisionTenant(input));
    const result = await expectNoChange(inspect, () =>
      tenancy.platform.provisionTenant({ ...input, name: "Krill Inc" }),
    );
    expectErr(result, "CONFLICT", "tenant");
  });

  test("the same idempotency key with another owner is another signup: the first tenant stays hidden", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy } = penguinTenancy(adapter);
    const input = { ...signup, idempotencyKey: "signup-penguin-corp-3" };
    const first = expectOk(await tenancy.platform.provisionTenant(input));
    const firstRows = await tenantRows(inspect, "memberships", first.tenant.id);
    const other = expectOk(
      await tenancy.platform.provisionTenant({ ...input, owner: { email: "kim@b.example" } }),
    );
    expect(other.tenant.id).not.toBe(first.tenant.id);
    expect(other.owner.email).toBe("kim@b.example");
    expect(await tenantRows(inspect, "memberships", first.tenant.id)).toEqual(firstRows);
  });

  test("one idempotency key raced by two owners makes two tenants, each with its own owner", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy } = penguinTenancy(adapter);
    const input = { ...signup, idempotencyKey: "signup-raced-owners" };
    const [one, two] = await Promise.all([
      tenancy.platform.provisionTenant({ ...input, owner: { email: "one@a.example" } }),
      tenancy.platform.provisionTenant({ ...input, owner: { email: "two@b.example" } }),
    ]);
    for (const made of [expectOk(one), expectOk(two)]) {
      const members = await tenantRows(inspect, "memberships", made.tenant.id);
      expect(members).toEqual([
        expect.objectContaining({ userId: made.owner.userId, role: "owner" }),
      ]);
      expectOk(await tenancy.as(made.owner.userId), "each owner can act in their tenant");
    }
    const claims = await inspect.rows("claims");
    expect(claims).toHaveLength(2);
  });

  test("an unknown plan is VALIDATION naming the plan, and nothing is written", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy } = penguinTenancy(adapter);
    const result = await expectNoChange(inspect, () =>
      tenancy.platform.provisionTenant({ ...signup, plan: "platinum" }),
    );
    expectInvalid(result, "plan");
  });

  const invalid: Record<string, [Record<string, unknown>, string]> = {
    "an empty name": [{ name: "  " }, "name"],
    "an unknown field": [{ color: "blue" }, ""],
    "a too-long workspace name": [
      { firstWorkspace: { name: "w".repeat(201) } },
      "firstWorkspace.name",
    ],
    "a short idempotency key": [{ idempotencyKey: "k" }, "idempotencyKey"],
  };
  for (const [name, [override, path]] of Object.entries(invalid)) {
    test(`provisioning with ${name} is VALIDATION naming '${path}'`, async ({
      adapter,
      inspect,
    }) => {
      const { tenancy } = penguinTenancy(adapter);
      const result = await expectNoChange(inspect, () =>
        tenancy.platform.provisionTenant({ ...signup, ...override }),
      );
      expectInvalid(result, path);
    });
  }
});
