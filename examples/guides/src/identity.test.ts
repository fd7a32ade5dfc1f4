import { describe, expect, it } from "vitest";
import { runIdentityGuide } from "./identity.js";

describe("the identity guide", async () => {
  const out = (await runIdentityGuide())._unsafeUnwrap();

  it("registers a person with their subject, once, in no tenant", () => {
    expect(out.mia).toMatchObject({
      email: "mia@penguin.example",
      subject: "user_2xQf9LkPz",
      name: "Mia",
    });
    expect(out.again).toEqual(out.mia);
    expect(out.noTenant._unsafeUnwrapErr()).toMatchObject({
      code: "NOT_FOUND",
      entity: "membership",
    });
  });

  it("makes the registered person the owner at signup, and scopes them by subject", () => {
    expect(out.signup.owner.userId).toBe(out.mia.id);
    expect(out.scope.userId).toBe(out.mia.id);
    expect(out.scope.tenantId).toBe(out.signup.tenant.id);
    expect(out.withTenant.tenantId).toBe(out.signup.tenant.id);
    expect(out.stranger._unsafeUnwrapErr()).toMatchObject({
      code: "NOT_FOUND",
      entity: "user",
      message: "No user has this subject: register them with platform.registerUser first.",
    });
  });

  it("refuses a subject or an e-mail that is another person's", () => {
    expect(out.otherEmail._unsafeUnwrapErr()).toMatchObject({
      code: "CONFLICT",
      message: "This subject is registered with another e-mail.",
    });
    expect(out.otherSubject._unsafeUnwrapErr()).toMatchObject({
      code: "CONFLICT",
      message: "This e-mail is registered with another subject.",
    });
  });

  it("finds users by subject and e-mail, with their tenant", () => {
    expect(out.found).toEqual({ ...out.mia, tenantId: out.signup.tenant.id });
    expect(out.byEmail).toEqual(out.found);
  });

  it("wires every library: sign-up registers the subject, each request scopes by it", () => {
    expect(out.wired).toEqual({
      "better-auth": { subject: "ba_7Hq2", role: "member" },
      "auth.js": { subject: "c3b1f0de-auth-js", role: "member" },
      clerk: { subject: "user_2yClerk", role: "member" },
      workos: { subject: "user_01WorkOS", role: "member" },
      "nile auth": { subject: "0190a0b1-c2d3-7e4f-8a5b-6c7d8e9f0a1b", role: "member" },
    });
  });
});
