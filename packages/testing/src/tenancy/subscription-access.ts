import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { expectErr, expectOk } from "../expect-result.js";
import { penguinTenancy, tenancyWorld } from "./penguinmails.js";
import { type Call, expectDenied, expectNoChange, signedUp } from "./support.js";

const draft = { subject: "Hi", status: "draft" } as const;

/** What a troubled subscription restricts: the application's rule, enforced on every call. */
export const subscriptionAccessGroup = defineGroup("tenancy: subscription access", (test) => {
  test("a canceled subscription makes the tenant read-only by default; reads and settling pass", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const mia = await signedUp(tenancy, "mia@a.example");
    const pending = expectOk(await a.as.owner.invitations.create({ email: mia.email }));
    expectOk(await a.as.owner.subscription.setStatus("canceled"));
    const changes: Record<string, Call> = {
      "workspaces.create": () => a.as.admin.workspaces.create({ name: "Launch" }),
      "workspaces.rename": () => a.as.admin.workspaces.rename(a.ws1, { name: "Renamed" }),
      "campaign.create": () =>
        a.as.member.resources("campaign").create({ workspaceId: a.ws1, data: draft }),
      "settings.update": () => a.as.admin.settings.update({ signature: "x" }),
      "members.changeRole": () => a.as.owner.members.changeRole(a.ids.member, "admin"),
      "invitations.create": () => a.as.admin.invitations.create({ email: "kim@a.example" }),
      "invitations.accept": () => tenancy.invitations.accept(pending.token, { userId: mia.id }),
    };
    for (const [name, call] of Object.entries(changes)) {
      const error = expectErr(
        await expectNoChange(inspect, call),
        "SUBSCRIPTION_INACTIVE",
        undefined,
        name,
      );
      expect(error).toMatchObject({ status: "canceled" });
    }
    expectOk(await a.as.member.resources("campaign").get(a.campaign1), "reading");
    expectOk(await a.as.admin.audit.list(), "reading the log");
    expect(expectOk(await a.as.admin.can("workspace.create"))).toBe(false);
    expect(expectOk(await a.as.member.can("campaign.read", { workspaceId: a.ws1 }))).toBe(true);
    const summary = expectOk(await a.as.admin.permissions());
    expect(summary.access).toBe("read-only");
    expect(
      summary.tenant.every((action) => action.endsWith(".read") || action === "member.remove"),
    ).toBe(true);
    // Settling the account stays possible: billing, removing people, leaving.
    expectOk(await a.as.owner.subscription.changePlan("starter"));
    expectOk(await a.as.admin.members.remove(a.ids.member));
    expectOk(await a.as.admin.members.leave());
    expectOk(await a.as.owner.subscription.setStatus("active"));
    expectOk(await a.as.owner.workspaces.rename(a.ws1, { name: "Back" }), "active again");
    expect(expectOk(await a.as.owner.permissions()).access).toBe("full");
  });

  test("past due is a grace period by default; the rule is the application's", async ({
    adapter,
  }) => {
    const { a, ids, clock } = await tenancyWorld(adapter);
    expectOk(await a.as.owner.subscription.setStatus("past_due"));
    expectOk(await a.as.admin.workspaces.create({ name: "During grace" }));
    const strict = penguinTenancy(adapter, {
      ids,
      clock,
      subscriptionAccess: { past_due: "read-only", canceled: "full" },
    }).tenancy;
    const admin = expectOk(await strict.as({ subject: "ada|a" }));
    const refused = expectErr(
      await admin.workspaces.create({ name: "Strict" }),
      "SUBSCRIPTION_INACTIVE",
    );
    expect(refused).toMatchObject({ status: "past_due" });
    const owner = expectOk(await strict.as({ subject: "pat|a" }));
    expectOk(await owner.subscription.setStatus("canceled"));
    expectOk(await admin.workspaces.create({ name: "Strict" }), "canceled is full by this rule");
  });

  test("the policy answers first: refusals and foreign ids read as they always do", async ({
    adapter,
    inspect,
  }) => {
    const { a, b } = await tenancyWorld(adapter);
    expectOk(await a.as.owner.subscription.setStatus("canceled"));
    expectDenied(await expectNoChange(inspect, () => a.as.member.workspaces.create({ name: "x" })));
    expectDenied(await a.as.admin.subscription.setStatus("active"));
    expectErr(await a.as.admin.workspaces.rename(b.ws1, { name: "x" }), "NOT_FOUND");
    expectOk(await b.as.admin.workspaces.create({ name: "B is untouched" }));
  });
});
