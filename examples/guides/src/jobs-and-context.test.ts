import { describe, expect, it } from "vitest";
import { runJobsAndContextGuide } from "./jobs-and-context.js";

describe("the jobs and context guide", async () => {
  const out = (await runJobsAndContextGuide())._unsafeUnwrap();

  it("resumes the same user's scope from a token and works through it", () => {
    expect(out.token).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(out.token).not.toContain(out.maxId);
    expect(out.resumedUser).toBe(out.maxId);
    expect(out.campaigns).toEqual(["Hi"]);
  });

  it("refuses a tampered or expired token", () => {
    const refused = { code: "FORBIDDEN", message: "The job token is invalid or expired." };
    expect(out.tampered._unsafeUnwrapErr()).toMatchObject(refused);
    expect(out.expired._unsafeUnwrapErr()).toMatchObject(refused);
  });

  it("re-checks the membership when the job resumes", () => {
    expect(out.afterRemoval._unsafeUnwrapErr()).toMatchObject({ code: "NOT_FOUND" });
  });

  it("makes no token without a secret", () => {
    expect(out.noSecret._unsafeUnwrapErr()).toMatchObject({ code: "CONFIGURATION" });
  });

  it("carries a scope through AsyncLocalStorage and fails closed outside it", () => {
    expect(out.counted._unsafeUnwrap()).toBe(1);
    expect(out.outside._unsafeUnwrapErr()).toMatchObject({ code: "NO_TENANT_CONTEXT" });
  });
});
