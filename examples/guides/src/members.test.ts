import { describe, expect, it } from "vitest";
import { runMembersGuide } from "./members.js";

describe("the members guide", async () => {
  const out = (await runMembersGuide())._unsafeUnwrap();

  it("gives the owner a scope that reads their role", () => {
    expect(out.me.role).toBe("owner");
    expect(out.me.workspaceIds).toEqual([]);
  });

  it("refuses a scope to a user of no tenant and to a malformed id", () => {
    expect(out.stranger._unsafeUnwrapErr()).toMatchObject({ code: "NOT_FOUND", entity: "user" });
    expect(out.garbage._unsafeUnwrapErr()).toMatchObject({
      code: "VALIDATION",
      message: "Invalid userId: must be a UUID",
      issues: [{ path: "userId", message: "must be a UUID" }],
    });
  });

  it("adds registered users and an unattached one by id, with their roles", () => {
    expect(out.ada).toMatchObject({ email: "ada@penguin.example", name: "Ada", role: "admin" });
    expect(out.max).toMatchObject({ email: "max@penguin.example", role: "member" });
    expect(out.mia).toMatchObject({ email: "mia@penguin.example", role: "member" });
    expect(out.mia.tenantId).toBe(out.ada.tenantId);
  });

  it("refuses a member adding, a user of another tenant as an unknown one, and a seat past the plan", () => {
    const denied = out.byMember._unsafeUnwrapErr();
    expect(denied).toMatchObject({
      code: "FORBIDDEN",
      message: "Not allowed: role member is not granted member.add.",
    });
    expect(denied.code === "FORBIDDEN" && denied.trace.length).toBeGreaterThan(0);
    expect(out.taken._unsafeUnwrapErr()).toEqual({
      code: "NOT_FOUND",
      entity: "user",
      message: "No such user.",
    });
    expect(out.taken._unsafeUnwrapErr()).toEqual(out.unknown._unsafeUnwrapErr());
    expect(out.noSeat._unsafeUnwrapErr()).toMatchObject({
      code: "LIMIT_EXCEEDED",
      limit: "seats",
      max: 4,
    });
  });

  it("shows owners everyone and members only the people of their workspaces", () => {
    expect([...out.everyone].sort()).toEqual(["Ada", "Max", "Mia", "Pat"]);
    expect([...out.maxSees].sort()).toEqual(["Max", "Mia"]);
    expect(out.hidden._unsafeUnwrapErr()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets an admin change roles but never to or from owner", () => {
    expect(out.promoted.role).toBe("admin");
    expect(out.toOwner._unsafeUnwrapErr()).toMatchObject({
      code: "FORBIDDEN",
      message: "Not allowed: owner is given only by transferring ownership.",
    });
    expect(out.demoteOwner._unsafeUnwrapErr().code).toBe("FORBIDDEN");
  });

  it("cuts a removed member off on the next call and frees them for another tenant", () => {
    expect(out.maxAfter._unsafeUnwrapErr()).toMatchObject({
      code: "NOT_FOUND",
      entity: "membership",
    });
    expect(out.maxRejoinable._unsafeUnwrapErr().message).toBe("The user belongs to no tenant.");
    expect(out.removeOwner._unsafeUnwrapErr().code).toBe("FORBIDDEN");
  });

  it("lets a member leave but not the owner", () => {
    expect(out.ownerLeaves._unsafeUnwrapErr()).toMatchObject({ code: "INVARIANT" });
  });

  it("transfers ownership atomically: the old owner becomes an admin", () => {
    expect(out.patNow.role).toBe("admin");
    expect(out.adaNow.role).toBe("owner");
    expect(out.again._unsafeUnwrapErr().code).toBe("FORBIDDEN");
    expect([...out.remaining].sort()).toEqual(["Ada: owner", "Pat: admin", "Sam: member"]);
    expect(out.sam.role).toBe("member");
  });
});
