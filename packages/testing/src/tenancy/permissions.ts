import type { ServiceAction } from "@rookery/core";
import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { expectErr, expectOk } from "../expect-result.js";
import {
  type PenguinResources,
  tenancyWorld,
  WORLD_ROLES,
  type WorldTenant,
} from "./penguinmails.js";
import { ABSENT_ID, type Call, expectInvalid, expectNoChange } from "./support.js";

type Action = ServiceAction<PenguinResources>;

/**
 * Pairs of a question and the call it is about: `can` must answer what the
 * call does, for every role, since one policy decides both.
 */
function questions(
  t: WorldTenant,
  role: keyof WorldTenant["as"],
): [Action, string | undefined, Call][] {
  const s = t.as[role];
  const draft = { subject: "Hi", status: "draft" } as const;
  return [
    ["billing.read", undefined, () => s.subscription.get()],
    ["audit.read", undefined, () => s.audit.list()],
    ["settings.read", undefined, () => s.settings.get()],
    ["settings.update", undefined, () => s.settings.update({ signature: "x" })],
    ["workspace.create", undefined, () => s.workspaces.create({ name: `New ${role}` })],
    ["member.add", undefined, () => s.invitations.create({ email: `new-${role}@x.example` })],
    ["template.read", undefined, () => s.resources("template").get(t.template)],
    [
      "template.create",
      undefined,
      () => s.resources("template").create({ data: { name: "T", html: "" } }),
    ],
    ["workspace.read", t.ws1, () => s.workspaces.get(t.ws1)],
    ["workspace.read", t.ws2, () => s.workspaces.get(t.ws2)],
    ["workspace.rename", t.ws1, () => s.workspaces.rename(t.ws1, { name: `Renamed ${role}` })],
    ["campaign.read", t.ws1, () => s.resources("campaign").get(t.campaign1)],
    ["campaign.read", t.ws2, () => s.resources("campaign").get(t.campaign2)],
    [
      "campaign.create",
      t.ws1,
      () => s.resources("campaign").create({ workspaceId: t.ws1, data: draft }),
    ],
    [
      "campaign.create",
      t.ws2,
      () => s.resources("campaign").create({ workspaceId: t.ws2, data: draft }),
    ],
    ["domain.read", t.ws1, () => s.resources("domain").get(t.domain1)],
  ];
}

/** A UI asks what it may show: `can` and `permissions` answer from the policy that decides the calls. */
export const permissionsGroup = defineGroup("tenancy: permissions", (test) => {
  test("me() is plain JSON: the assigned workspaces as an array", async ({ adapter }) => {
    const { a } = await tenancyWorld(adapter);
    const me = expectOk(await a.as.member.me());
    expect(me).toEqual({
      userId: a.ids.member,
      tenantId: a.tenantId,
      role: "member",
      workspaceIds: [a.ws1],
    });
    expect(JSON.parse(JSON.stringify(me))).toEqual(me);
    expect(expectOk(await a.as.owner.me()).workspaceIds).toEqual([]);
  });

  for (const role of WORLD_ROLES) {
    test(`can() answers as the calls do, for the ${role}`, async ({ adapter }) => {
      const { a } = await tenancyWorld(adapter);
      for (const [action, workspaceId, call] of questions(a, role)) {
        const target = workspaceId === undefined ? undefined : { workspaceId };
        const answer = expectOk(
          await a.as[role].can(action, target),
          `${action} ${workspaceId ?? ""}`,
        );
        const done = await call();
        // A refusal by the policy is FORBIDDEN; anything else the call did is the store's answer.
        expect(answer, `${role}: ${action} ${workspaceId ?? ""}`).toBe(
          done.isOk() || done.error.code !== "FORBIDDEN",
        );
      }
    });
  }

  test("can() of another tenant's or an absent workspace is false; targets must fit the action", async ({
    adapter,
    inspect,
  }) => {
    const { a, b } = await tenancyWorld(adapter);
    for (const workspaceId of [b.ws1, ABSENT_ID]) {
      const answer = await expectNoChange(inspect, () =>
        a.as.owner.can("campaign.read", { workspaceId }),
      );
      expect(expectOk(answer), workspaceId).toBe(false);
    }
    expectInvalid(await a.as.owner.can("campaign.read"), "workspaceId");
    expectInvalid(await a.as.owner.can("billing.read", { workspaceId: a.ws1 }), "workspaceId");
    expectInvalid(await a.as.owner.can("invoice.read" as Action), "action");
    expectInvalid(await a.as.owner.can("campaign.read", { workspaceId: "ws-1" }), "workspaceId");
  });

  test("permissions() of each role: the policy's actions, on the tenant and per workspace seen", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    const summaries = [];
    for (const role of WORLD_ROLES) {
      const summary = expectOk(await expectNoChange(inspect, () => a.as[role].permissions()), role);
      expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
      // Every action listed is one `can` allows, and every other one `can` refuses.
      for (const action of ALL_TENANT_ACTIONS) {
        const allowed = expectOk(await a.as[role].can(action));
        expect(summary.tenant.includes(action), `${role}: ${action}`).toBe(allowed);
      }
      for (const [workspaceId, actions] of Object.entries(summary.workspaces)) {
        for (const action of ALL_WORKSPACE_ACTIONS) {
          const allowed = expectOk(await a.as[role].can(action, { workspaceId }));
          expect(actions.includes(action), `${role}: ${action} in ${workspaceId}`).toBe(allowed);
        }
      }
      summaries.push(summary);
    }
    const [owner, admin, member] = summaries;
    expect(owner).toMatchObject({ role: "owner", workspaceIds: [] });
    expect(Object.keys(owner?.workspaces ?? {}).sort()).toEqual([a.ws1, a.ws2].sort());
    expect(owner?.tenant).toEqual(
      expect.arrayContaining(["billing.update", "tenant.delete", "tenant.transfer-ownership"]),
    );
    expect(admin?.tenant).toEqual(
      expect.arrayContaining(["member.add", "workspace.create", "audit.read"]),
    );
    expect(admin?.tenant).not.toContain("billing.read");
    expect(member).toMatchObject({ role: "member", workspaceIds: [a.ws1] });
    expect(Object.keys(member?.workspaces ?? {})).toEqual([a.ws1]);
    expect(member?.tenant).toEqual(
      expect.arrayContaining(["tenant.read", "settings.read", "template.read"]),
    );
    expect(member?.tenant).not.toContain("member.add");
    expect(member?.workspaces[a.ws1]).toEqual(
      expect.arrayContaining(["workspace.read", "campaign.create", "contact.delete"]),
    );
    expect(member?.workspaces[a.ws1]).not.toContain("workspace.rename");
  });

  test("permissions() follow a role change and an assignment on the very next call", async ({
    adapter,
  }) => {
    const { a } = await tenancyWorld(adapter);
    const held = a.as.member;
    expect(expectOk(await held.permissions()).tenant).not.toContain("workspace.create");
    expectOk(await a.as.owner.workspaces.assign(a.ws2, a.ids.member));
    expect(Object.keys(expectOk(await held.permissions()).workspaces).sort()).toEqual(
      [a.ws1, a.ws2].sort(),
    );
    expectOk(await a.as.owner.members.changeRole(a.ids.member, "admin"));
    expect(expectOk(await held.permissions()).tenant).toContain("workspace.create");
    expect(expectOk(await held.can("member.add"))).toBe(true);
    expectOk(await a.as.owner.members.remove(a.ids.member));
    expectErr(await held.permissions(), "NOT_FOUND");
    expectErr(await held.can("member.add"), "NOT_FOUND");
  });
});

const ALL_TENANT_ACTIONS: readonly Action[] = [
  "tenant.read",
  "tenant.delete",
  "tenant.transfer-ownership",
  "billing.read",
  "billing.update",
  "member.add",
  "member.change-role",
  "member.remove",
  "workspace.create",
  "settings.read",
  "settings.update",
  "audit.read",
  "template.create",
  "template.read",
  "template.update",
  "template.delete",
];

const ALL_WORKSPACE_ACTIONS: readonly Action[] = [
  "workspace.read",
  "workspace.rename",
  "workspace.archive",
  "workspace.delete",
  "workspace.assign",
  ...(["campaign", "domain", "contact"] as const).flatMap((type) =>
    (["create", "read", "update", "delete"] as const).map((verb) => `${type}.${verb}` as const),
  ),
];
