import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { expectErr, expectOk } from "../expect-result.js";
import { penguinTenancy, tenancyWorld } from "./penguinmails.js";
import { ABSENT_ID, expectInvalid, expectNoChange } from "./support.js";

/** The application's own identity for its users: its auth provider's subject. */
export const identityGroup = defineGroup("tenancy: identity", (test) => {
  test("registerUser records a person of no tenant, with their subject", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy } = penguinTenancy(adapter);
    const input = { email: "Mia@Example.com", subject: "user_2xQf9Lk", name: "Mia" };
    const mia = expectOk(await tenancy.platform.registerUser(input));
    expect(mia).toMatchObject({ email: "mia@example.com", subject: "user_2xQf9Lk", name: "Mia" });
    expect(await inspect.rows("users")).toEqual([mia]);
    expect(await inspect.rows("claims")).toEqual([]);
    expectErr(await tenancy.as({ subject: "user_2xQf9Lk" }), "NOT_FOUND", "membership");
  });

  test("registerUser is idempotent for the same subject and e-mail", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy } = penguinTenancy(adapter);
    const first = expectOk(
      await tenancy.platform.registerUser({ email: "mia@example.com", subject: "sub-mia" }),
    );
    const again = await expectNoChange(inspect, () =>
      tenancy.platform.registerUser({ email: "MIA@example.com", subject: "sub-mia", name: "M" }),
    );
    expect(expectOk(again)).toEqual(first);
    const byEmailOnly = await expectNoChange(inspect, () =>
      tenancy.platform.registerUser({ email: "mia@example.com" }),
    );
    expect(expectOk(byEmailOnly)).toEqual(first);
  });

  test("registerUser attaches a subject to a user known only by e-mail", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy } = penguinTenancy(adapter);
    // Signed up by e-mail, before the application's authentication gave a subject.
    const made = expectOk(
      await tenancy.platform.provisionTenant({
        name: "Krill Inc",
        plan: "starter",
        owner: { email: "kim@krill.example" },
      }),
    );
    const linked = expectOk(
      await tenancy.platform.registerUser({ email: "kim@krill.example", subject: "auth0|kim" }),
    );
    expect(linked).toMatchObject({ id: made.owner.userId, subject: "auth0|kim" });
    expect(await inspect.rows("users")).toEqual([
      expect.objectContaining({ id: made.owner.userId, subject: "auth0|kim" }),
    ]);
    const scope = expectOk(await tenancy.as({ subject: "auth0|kim" }));
    expect({ userId: scope.userId, tenantId: scope.tenantId }).toEqual({
      userId: made.owner.userId,
      tenantId: made.tenant.id,
    });
  });

  test("a subject registered with another e-mail, or an e-mail with another subject, is CONFLICT", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy } = penguinTenancy(adapter);
    expectOk(await tenancy.platform.registerUser({ email: "mia@example.com", subject: "sub-mia" }));
    for (const input of [
      { email: "other@example.com", subject: "sub-mia" },
      { email: "mia@example.com", subject: "sub-other" },
    ]) {
      const result = await expectNoChange(inspect, () => tenancy.platform.registerUser(input));
      expectErr(result, "CONFLICT", "user", JSON.stringify(input));
    }
  });

  test("subjects are 1 to 255 characters of storable text, kept exactly", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy } = penguinTenancy(adapter);
    for (const subject of ["", "x".repeat(256), "a\u0000b", "\uD800"]) {
      const result = await expectNoChange(inspect, () =>
        tenancy.platform.registerUser({ email: "mia@example.com", subject }),
      );
      expectInvalid(result, "subject", JSON.stringify(subject));
    }
    const exact = " Clerk|User_2x "; // not trimmed, not folded
    const made = expectOk(
      await tenancy.platform.registerUser({ email: "mia@example.com", subject: exact }),
    );
    expect(made.subject).toBe(exact);
    expectErr(await tenancy.platform.findUser({ subject: exact.trim() }), "NOT_FOUND", "user");
  });

  test("findUser finds by id, e-mail (any case) and subject, with the user's tenant", async ({
    adapter,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const loner = expectOk(
      await tenancy.platform.registerUser({ email: "mia@example.com", subject: "sub-mia" }),
    );
    const pat = expectOk(await tenancy.platform.findUser({ userId: a.ids.owner }));
    expect(pat).toMatchObject({ id: a.ids.owner, tenantId: a.tenantId, email: "pat@a.example" });
    expect(expectOk(await tenancy.platform.findUser({ email: "PAT@A.example" }))).toEqual(pat);
    expect(expectOk(await tenancy.platform.findUser({ subject: "sub-mia" }))).toEqual({
      ...loner,
      tenantId: null,
    });
    for (const by of [{ userId: ABSENT_ID }, { email: "no@example.com" }, { subject: "none" }]) {
      expectErr(await tenancy.platform.findUser(by), "NOT_FOUND", "user", JSON.stringify(by));
    }
    expectInvalid(await tenancy.platform.findUser({ userId: "nope" }), "userId");
    const both = await tenancy.platform.findUser({ email: "a@b.example", subject: "s" } as never);
    expectErr(both, "VALIDATION");
  });

  test("as({ subject }) gives the scope of the user the subject names", async ({ adapter }) => {
    const { tenancy, a, b } = await tenancyWorld(adapter);
    const scope = expectOk(await tenancy.as({ subject: "pat|b" }));
    expect({ userId: scope.userId, tenantId: scope.tenantId }).toEqual({
      userId: b.ids.owner,
      tenantId: b.tenantId,
    });
    expect(expectOk(await scope.me()).role).toBe("owner");
    const withTenant = expectOk(await tenancy.as({ subject: "pat|a", tenantId: a.tenantId }));
    expect(withTenant.userId).toBe(a.ids.owner);
  });

  test("as({ subject }) refuses an unknown subject, a user of no tenant and a foreign tenant", async ({
    adapter,
  }) => {
    const { tenancy, a, b } = await tenancyWorld(adapter);
    expectErr(await tenancy.as({ subject: "nobody" }), "NOT_FOUND", "user");
    expectErr(await tenancy.as({ subject: "PAT|A" }), "NOT_FOUND", "user", "subjects are exact");
    expectErr(await tenancy.as({ subject: "pat|a", tenantId: b.tenantId }), "NOT_FOUND");
    expectErr(await tenancy.as({ subject: "pat|a", tenantId: ABSENT_ID }), "NOT_FOUND");
    expectOk(await tenancy.platform.registerUser({ email: "mia@x.example", subject: "sub-mia" }));
    expectErr(await tenancy.as({ subject: "sub-mia" }), "NOT_FOUND", "membership");
    expectOk(await tenancy.platform.suspendTenant(a.tenantId));
    expectErr(await tenancy.as({ subject: "pat|a" }), "TENANT_INACTIVE");
    expectInvalid(await tenancy.as({ subject: "" }), "identity.subject");
    expectErr(await tenancy.as({ subject: "pat|a", userId: a.ids.owner } as never), "VALIDATION");
  });

  test("signup with the owner's subject: the owner acts by it, and a retry finds the tenant", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy } = penguinTenancy(adapter);
    const signup = {
      name: "Krill Inc",
      plan: "starter",
      owner: { email: "kim@krill.example", subject: "user_kim", name: "Kim" },
      idempotencyKey: "signup-kim-0001",
    };
    const made = expectOk(await tenancy.platform.provisionTenant(signup));
    expect(await inspect.rows("users")).toEqual([
      expect.objectContaining({ id: made.owner.userId, subject: "user_kim" }),
    ]);
    const kim = expectOk(await tenancy.as({ subject: "user_kim" }));
    expect(kim.tenantId).toBe(made.tenant.id);
    const retried = await expectNoChange(inspect, () => tenancy.platform.provisionTenant(signup));
    expect(expectOk(retried).tenant.id).toBe(made.tenant.id);
    const elsewhere = await expectNoChange(inspect, () =>
      tenancy.platform.provisionTenant({
        name: "Kim's side project",
        plan: "starter",
        owner: { email: "kim@krill.example", subject: "user_kim" },
      }),
    );
    expectErr(elsewhere, "CONFLICT", "user");
  });

  test("signup finds the user an earlier registration made, and claims no one else", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy } = penguinTenancy(adapter);
    const kim = expectOk(
      await tenancy.platform.registerUser({ email: "kim@krill.example", subject: "user_kim" }),
    );
    const made = expectOk(
      await tenancy.platform.provisionTenant({
        name: "Krill Inc",
        plan: "starter",
        owner: { email: "kim@krill.example", subject: "user_kim" },
      }),
    );
    expect(made.owner.userId).toBe(kim.id);
    expect(await inspect.rows("users")).toHaveLength(1);
    const mismatch = await expectNoChange(inspect, () =>
      tenancy.platform.provisionTenant({
        name: "Other",
        plan: "starter",
        owner: { email: "someone@else.example", subject: "user_kim" },
      }),
    );
    expectErr(mismatch, "CONFLICT", "user");
  });
});
