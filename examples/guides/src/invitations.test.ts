import { describe, expect, it } from "vitest";
import { runInvitationsGuide } from "./invitations.js";

describe("the invitations guide", async () => {
  const out = (await runInvitationsGuide())._unsafeUnwrap();

  it("creates a pending invitation with a token shown once", () => {
    expect(out.invitation).toMatchObject({
      email: "max@penguin.example",
      role: "member",
      status: "pending",
      workspaceIds: [out.acmeId],
      expiresAt: "2026-04-09T09:00:00.000Z",
    });
    expect(out.token).toMatch(/^rki_/);
    expect(out.link).toContain(encodeURIComponent(out.token));
  });

  it("shows the token holder the tenant, role and inviter", () => {
    expect(out.preview).toMatchObject({
      tenant: { name: "Penguin Corp" },
      email: "max@penguin.example",
      role: "member",
      inviterName: "Pat",
    });
  });

  it("makes the invitee a member with the workspaces invited, once", () => {
    expect(out.max).toMatchObject({ role: "member", email: "max@penguin.example", name: "Max" });
    expect(out.maxScope).toEqual({ userId: out.max.userId, workspaces: [out.acmeId] });
    expect(out.used._unsafeUnwrapErr()).toMatchObject({ code: "NOT_FOUND", entity: "invitation" });
  });

  it("refuses another person, a member of another tenant and a forged token", () => {
    expect(out.wrongPerson._unsafeUnwrapErr()).toMatchObject({
      code: "FORBIDDEN",
      message:
        "This invitation is for another e-mail address; sign in with the address it was sent to.",
    });
    expect(out.elsewhere._unsafeUnwrapErr()).toMatchObject({
      code: "CONFLICT",
      entity: "user",
      message: "You already belong to another organisation; leave it before accepting.",
    });
    expect(out.forged._unsafeUnwrapErr()).toEqual({
      code: "NOT_FOUND",
      entity: "invitation",
      message: "This invitation is invalid, expired or already used; ask for a new one.",
    });
  });

  it("checks the seat at acceptance, not at invitation", () => {
    expect(out.noSeat._unsafeUnwrapErr()).toMatchObject({
      code: "LIMIT_EXCEEDED",
      limit: "seats",
      max: 4,
    });
    expect(out.pending).toEqual([
      "mia@penguin.example",
      "kim@krill.example",
      "lea@penguin.example",
    ]);
  });

  it("expires, resends with a new token, revokes and declines", () => {
    expect(out.expired._unsafeUnwrapErr()).toMatchObject({ code: "NOT_FOUND" });
    expect(out.resent.token).not.toBe(out.oldToken);
    expect(out.resent.invitation.expiresAt).toBe("2026-04-13T09:00:00.000Z");
    expect(out.revoked.status).toBe("revoked");
    expect(out.afterDecline._unsafeUnwrapErr()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets only owners and admins invite, never to owner", () => {
    expect(out.byMember._unsafeUnwrapErr()).toMatchObject({ code: "FORBIDDEN" });
    expect(out.asOwner._unsafeUnwrapErr()).toMatchObject({
      code: "VALIDATION",
      issues: [{ path: "role" }],
    });
  });

  it("audits every step", () => {
    expect(new Set(out.actions)).toEqual(
      new Set([
        "invitation.create",
        "invitation.accept",
        "invitation.resend",
        "invitation.revoke",
        "invitation.decline",
      ]),
    );
  });
});
