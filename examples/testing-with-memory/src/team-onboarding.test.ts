// #region world
import { memoryAdapter } from "@rookery/memory";
import { expectErr, expectOk, type TenancyWorld, tenancyWorld } from "@rookery/testing";
import { beforeEach, describe, expect, it } from "vitest";
import { onboardTeam } from "./team-onboarding.js";

let world: TenancyWorld;

beforeEach(async () => {
  // Two tenants, A and B, built alike: an owner, an admin, a member assigned to ws1,
  // on the growth plan (10 seats). Ids are sequential and the clock is manual.
  world = await tenancyWorld(memoryAdapter());
});
// #endregion world

const colleagues = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ email: `colleague${i + 1}@a.example` }));

describe("team onboarding", () => {
  // #region seats
  it("invites as many colleagues as the plan has seats for, and waitlists the rest", async () => {
    const report = expectOk(await onboardTeam(world.a.as.owner, colleagues(9), world.clock.now));
    // 10 seats, 3 members: 7 invited, 2 waitlisted.
    expect(report.invited).toHaveLength(7);
    expect(report.waitlisted).toEqual(["colleague8@a.example", "colleague9@a.example"]);

    // The invitations hold the seats until they expire (7 days by default).
    const again = expectOk(await onboardTeam(world.a.as.owner, colleagues(9), world.clock.now));
    expect(again.invited).toEqual([]);
    expect(again.skipped).toHaveLength(7);
    world.clock.advance(8 * 86_400_000);
    const later = expectOk(await onboardTeam(world.a.as.owner, colleagues(9), world.clock.now));
    expect(later.invited).toHaveLength(7); // expired ones no longer count; these are resent anew
  });
  // #endregion seats

  // #region isolation
  it("counts and sees its own tenant only", async () => {
    expectOk(await onboardTeam(world.a.as.owner, colleagues(7), world.clock.now));
    // Tenant B is built like A, but none of A's invitations reach it.
    const b = expectOk(await onboardTeam(world.b.as.owner, colleagues(7), world.clock.now));
    expect(b.invited).toHaveLength(7);
    const seenByB = expectOk(await world.b.as.owner.invitations.list({ status: "pending" }));
    expect(seenByB.items.every((i) => i.tenantId === world.b.tenantId)).toBe(true);
  });

  it("is the owner's: an admin may invite, but not read the plan", async () => {
    expectErr(await onboardTeam(world.a.as.admin, colleagues(1), world.clock.now), "FORBIDDEN");
    expectErr(await onboardTeam(world.a.as.member, colleagues(1), world.clock.now), "FORBIDDEN");
  });
  // #endregion isolation
});
