import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { expectErr, expectOk } from "../expect-result.js";
import type { PenguinScope } from "./penguinmails.js";
import { tenancyWorld } from "./penguinmails.js";
import { type Call, expectDenied, expectInvalid, expectNoChange } from "./support.js";

/** Inputs no caller should send, cast past the types as plain JavaScript callers could. */
const GARBAGE: readonly unknown[] = [undefined, null, 42, "", "x".repeat(5_000), {}, [], { a: 1 }];

/** Every public entry of a scope that takes input, fed one garbage value. */
function garbageCalls(s: PenguinScope, junk: unknown): Record<string, Call> {
  const j = junk as never;
  return {
    "members.add": () => s.members.add(j),
    "invitations.create": () => s.invitations.create(j),
    "invitations.list": () => s.invitations.list(j),
    "invitations.revoke": () => s.invitations.revoke(j),
    "invitations.resend": () => s.invitations.resend(j),
    "members.get": () => s.members.get(j),
    "members.list": () => s.members.list(j),
    "members.changeRole": () => s.members.changeRole(j, j),
    "members.remove": () => s.members.remove(j),
    "members.transferOwnership": () => s.members.transferOwnership(j),
    "workspaces.create": () => s.workspaces.create(j),
    "workspaces.get": () => s.workspaces.get(j),
    "workspaces.list": () => s.workspaces.list(j),
    "workspaces.rename": () => s.workspaces.rename(j, j),
    "workspaces.assign": () => s.workspaces.assign(j, j),
    "subscription.changePlan": () => s.subscription.changePlan(j),
    "subscription.setStatus": () => s.subscription.setStatus(j),
    "settings.update": () => s.settings.update(j),
    "settings.overrideForWorkspace": () => s.settings.overrideForWorkspace(j, j),
    "campaign.create": () => s.resources("campaign").create(j),
    "campaign.get": () => s.resources("campaign").get(j),
    "campaign.update": () => s.resources("campaign").update(j, j, j),
    "campaign.list": () => s.resources("campaign").list(j),
    "audit.list": () => s.audit.list(j),
  };
}

/** Errors confirm nothing, explain denials, name fields, and never throw. */
export const errorsGroup = defineGroup("tenancy: errors", (test) => {
  test("no call throws on malformed input: each answers VALIDATION and writes nothing", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    for (const junk of GARBAGE) {
      for (const [name, call] of Object.entries(garbageCalls(a.as.owner, junk))) {
        const context = `${name}(${JSON.stringify(junk)?.slice(0, 20)})`;
        // Some pages default an absent query; those may answer Ok. None may throw.
        const result = await expectNoChange(inspect, () => {
          try {
            return call();
          } catch (thrown) {
            throw new Error(`${context} threw: ${String(thrown)}`);
          }
        });
        if (result.isErr()) expect(result.error.code, context).toBe("VALIDATION");
      }
      const platform = tenancy.platform;
      const platformCalls: ((input: never) => Call)[] = [
        (input) => () => platform.provisionTenant(input),
        (input) => () => platform.getTenant(input),
        (input) => () => platform.listTenants(input),
        (input) => () => platform.registerUser(input),
        (input) => () => platform.findUser(input),
      ];
      for (const call of platformCalls) {
        const result = await expectNoChange(inspect, call(junk as never));
        if (result.isErr()) expect(result.error.code).toBe("VALIDATION");
      }
      // A token that is not one answers as an unknown or used one: nothing to tell apart.
      const inbox = tenancy.invitations;
      const inboxCalls: Call[] = [
        () => inbox.inspect(junk as never),
        () => inbox.accept(junk as never, junk as never),
        () => inbox.decline(junk as never),
      ];
      for (const call of inboxCalls) {
        expectErr(await expectNoChange(inspect, call), "NOT_FOUND", "invitation");
      }
      expectErr(await tenancy.fromJob(junk as never), "FORBIDDEN");
    }
  });

  test("a foreign id is NOT_FOUND exactly like an absent one", async ({ adapter }) => {
    const { a, b } = await tenancyWorld(adapter);
    const absent = "00000000-0000-7000-8000-00000000dead";
    for (const role of ["owner", "admin", "member"] as const) {
      const s = a.as[role];
      const foreign = expectErr(await s.workspaces.get(b.ws1), "NOT_FOUND");
      const missing = expectErr(await s.workspaces.get(absent), "NOT_FOUND");
      expect(foreign, role).toEqual(missing);
      const foreignResource = expectErr(
        await s.resources("campaign").get(b.campaign1),
        "NOT_FOUND",
      );
      expect(foreignResource).toEqual(
        expectErr(await s.resources("campaign").get(absent), "NOT_FOUND"),
      );
    }
  });

  test("A's workspace with B's user: assign and unassign are NOT_FOUND", async ({
    adapter,
    inspect,
  }) => {
    const { a, b } = await tenancyWorld(adapter);
    for (const role of ["owner", "admin"] as const) {
      const ws = a.as[role].workspaces;
      expectErr(await expectNoChange(inspect, () => ws.assign(a.ws2, b.ids.member)), "NOT_FOUND");
      expectErr(await expectNoChange(inspect, () => ws.unassign(a.ws1, b.ids.member)), "NOT_FOUND");
    }
  });

  test("a denial explains itself: the trace names the role and the action", async ({ adapter }) => {
    const { a } = await tenancyWorld(adapter);
    const result = await a.as.member.workspaces.create({ name: "Mine" });
    expectDenied(result);
    if (result.isErr() && result.error.code === "FORBIDDEN") {
      const trace = result.error.trace.join("\n");
      expect(trace).toContain("member");
      expect(trace).toContain("workspace.create");
      expect(result.error.message.length).toBeGreaterThan(0);
    }
  });

  test("validation errors name the failing field, nested ones by their dotted path", async ({
    adapter,
  }) => {
    const { a } = await tenancyWorld(adapter);
    expectInvalid(await a.as.owner.invitations.create({ email: "not-an-address" }), "email");
    expectInvalid(await a.as.owner.members.add({ userId: "u-1" }), "userId");
    expectInvalid(
      await a.as.owner.members.add({ userId: a.ids.member, role: "owner" as never }),
      "role",
    );
    expectInvalid(
      await a.as.owner.invitations.create({ email: "o@penguin.example", role: "owner" as never }),
      "role",
    );
    expectInvalid(await a.as.owner.members.add({ role: "member" } as never), "userId");
    expectInvalid(await a.as.owner.workspaces.rename(a.ws1, { name: "" }), "name");
    expectInvalid(await a.as.owner.members.get("not-an-id"), "userId");
    expectInvalid(await a.as.owner.workspaces.list({ limit: 501 }), "limit");
    expectInvalid(
      await a.as.owner.settings.update({ sendingWindow: { start: 8, end: 99 } }),
      "sendingWindow.end",
    );
    const contact = await a.as.member
      .resources("contact")
      .create({ workspaceId: a.ws1, data: { email: "nope", name: "N" } });
    expectInvalid(contact, "data.email");
    expectOk(await a.as.member.me(), "the member is unaffected");
  });
});
