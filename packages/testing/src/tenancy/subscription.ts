import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { expectErr, expectOk } from "../expect-result.js";
import { penguinMails, tenancyWorld } from "./penguinmails.js";
import {
  auditRows,
  expectDenied,
  expectInvalid,
  expectNoChange,
  signedUp,
  tenantRows,
} from "./support.js";

/** Billing is the owner's alone, and limits come from the plan. */
export const subscriptionGroup = defineGroup("tenancy: subscription", (test) => {
  test("the owner reads the subscription with the plan's limits", async ({ adapter }) => {
    const { a } = await tenancyWorld(adapter);
    const subscription = expectOk(await a.as.owner.subscription.get());
    expect(subscription).toMatchObject({
      tenantId: a.tenantId,
      plan: "growth",
      status: "active",
      limits: penguinMails().plans.growth.limits,
    });
  });

  test("the owner changes plan: new limits stored and audited", async ({ adapter, inspect }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const mia = await signedUp(tenancy, "mia@a.example");
    const changed = expectOk(await a.as.owner.subscription.changePlan("starter"));
    expect(changed.limits).toEqual(penguinMails().plans.starter.limits);
    expect(await tenantRows(inspect, "subscriptions", a.tenantId)).toEqual([
      expect.objectContaining({ plan: "starter", limits: { seats: 3, workspaces: 2 } }),
    ]);
    expect((await auditRows(inspect, a.tenantId)).at(-1)).toEqual({
      action: "subscription.change_plan",
      actorId: a.ids.owner,
      target: { type: "subscription", id: a.tenantId },
    });
    // The new limits are in force: the tenant is full.
    expectErr(await a.as.owner.members.add({ userId: mia.id }), "LIMIT_EXCEEDED");
  });

  test("an upgrade makes room at once", async ({ adapter }) => {
    const { tenancy, a } = await tenancyWorld(adapter, { plan: "starter" });
    const mia = await signedUp(tenancy, "mia@a.example");
    expectErr(await a.as.owner.workspaces.create({ name: "Third" }), "LIMIT_EXCEEDED");
    expectErr(await a.as.owner.members.add({ userId: mia.id }), "LIMIT_EXCEEDED");
    expectOk(await a.as.owner.subscription.changePlan("growth"));
    expectOk(await a.as.owner.workspaces.create({ name: "Third" }));
    expectOk(await a.as.owner.members.add({ userId: mia.id }));
  });

  test("the owner sets the status; an unknown status is VALIDATION", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    expect(expectOk(await a.as.owner.subscription.setStatus("past_due")).status).toBe("past_due");
    expect((await auditRows(inspect, a.tenantId)).at(-1)?.action).toBe("subscription.set_status");
    const bad = "unpaid" as "active";
    expectErr(
      await expectNoChange(inspect, () => a.as.owner.subscription.setStatus(bad)),
      "VALIDATION",
    );
  });

  for (const role of ["admin", "member"] as const) {
    test(`${role}s can neither read nor change billing (FORBIDDEN with trace)`, async ({
      adapter,
      inspect,
    }) => {
      const { a } = await tenancyWorld(adapter);
      const s = a.as[role].subscription;
      expectDenied(await s.get(), "get");
      expectDenied(await expectNoChange(inspect, () => s.changePlan("starter")), "changePlan");
      expectDenied(await expectNoChange(inspect, () => s.setStatus("canceled")), "setStatus");
    });
  }

  test("an unknown plan is VALIDATION naming the plan", async ({ adapter, inspect }) => {
    const { a } = await tenancyWorld(adapter);
    expectInvalid(
      await expectNoChange(inspect, () => a.as.owner.subscription.changePlan("platinum")),
      "plan",
    );
  });

  test("a downgrade below current usage is LIMIT_EXCEEDED and changes nothing", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const mia = await signedUp(tenancy, "mia@a.example");
    expectOk(await a.as.owner.members.add({ userId: mia.id }));
    const seats = await expectNoChange(inspect, () =>
      a.as.owner.subscription.changePlan("starter"),
    );
    expect(expectErr(seats, "LIMIT_EXCEEDED")).toMatchObject({ limit: "seats", max: 3 });
    expectOk(await a.as.admin.members.leave(), "back to three seats");
    expectOk(await a.as.owner.workspaces.create({ name: "Third" }));
    const spaces = await expectNoChange(inspect, () =>
      a.as.owner.subscription.changePlan("starter"),
    );
    expect(expectErr(spaces, "LIMIT_EXCEEDED")).toMatchObject({ limit: "workspaces", max: 2 });
  });
});
