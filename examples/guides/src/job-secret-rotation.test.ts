import { manualClock } from "@rookery/testing";
import { describe, expect, it } from "vitest";
import { runJobSecretRotation } from "./job-secret-rotation.js";

describe("rotating the job secret", async () => {
  const out = (await runJobSecretRotation(manualClock()))._unsafeUnwrap();

  it("resumes tokens of both secrets during the rotation, as the same user", () => {
    expect(out.duringOld._unsafeUnwrap().userId).toBe(out.ownerId);
    expect(out.duringNew._unsafeUnwrap().userId).toBe(out.ownerId);
  });

  it("still refuses a forged token, with the new secret's answer", () => {
    expect(out.forged._unsafeUnwrapErr()).toMatchObject({
      code: "FORBIDDEN",
      message: "The job token is invalid or expired.",
    });
  });

  it("refuses tokens in flight on a hard switch, and old tokens once their time is up", () => {
    expect(out.inFlight._unsafeUnwrapErr()).toMatchObject({ code: "FORBIDDEN" });
    expect(out.expiredOld._unsafeUnwrapErr()).toMatchObject({ code: "FORBIDDEN" });
  });
});
