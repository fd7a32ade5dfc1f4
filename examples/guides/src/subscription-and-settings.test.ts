import { describe, expect, it } from "vitest";
import { settings } from "./setup.js";
import {
  settings as guideSettings,
  runSubscriptionAndSettingsGuide,
} from "./subscription-and-settings.js";

describe("the subscription and settings guide", async () => {
  const out = (await runSubscriptionAndSettingsGuide())._unsafeUnwrap();

  it("runs on the settings it shows", () => {
    expect(guideSettings.schema.parse({})).toEqual(settings.schema.parse({}));
    expect(guideSettings.workspaceOverridable).toEqual(settings.workspaceOverridable);
  });

  it("lets the owner read billing and nobody else", () => {
    expect(out.subscription).toMatchObject({
      plan: "starter",
      status: "active",
      limits: { seats: 4, workspaces: 2 },
    });
    expect(out.byAdmin._unsafeUnwrapErr()).toMatchObject({
      code: "FORBIDDEN",
      message: "Not allowed: role admin is not granted billing.read.",
    });
  });

  it("changes plan and limits together, and refuses an unknown plan", () => {
    expect(out.upgraded).toMatchObject({ plan: "growth", limits: { seats: 25, workspaces: 10 } });
    expect(out.unknown._unsafeUnwrapErr()).toMatchObject({
      code: "VALIDATION",
      issues: [{ path: "plan", message: "unknown plan 'platinum'" }],
    });
  });

  it("refuses a downgrade the usage does not fit, changing nothing", () => {
    expect(out.downgrade._unsafeUnwrapErr()).toMatchObject({
      code: "LIMIT_EXCEEDED",
      limit: "seats",
      max: 4,
    });
    expect(out.afterDowngrade.plan).toBe("growth");
  });

  it("sets the subscription status", () => {
    expect(out.pastDue.status).toBe("past_due");
  });

  it("makes a canceled tenant read-only, reads and billing passing", () => {
    expect(out.frozen._unsafeUnwrapErr()).toMatchObject({
      code: "SUBSCRIPTION_INACTIVE",
      status: "canceled",
      message: "The subscription is canceled: the tenant is read-only until it is active again.",
    });
    expect(out.stillReadable.timezone).toBe("UTC");
    expect(out.asked).toBe(false);
  });

  it("reads defaults, merges updates and names a bad field", () => {
    expect(out.company).toEqual({ timezone: "UTC", dailySendLimit: 500, signature: "" });
    expect(out.updated).toEqual({ timezone: "Europe/Oslo", dailySendLimit: 500, signature: "" });
    expect(out.badValue._unsafeUnwrapErr()).toMatchObject({
      code: "VALIDATION",
      issues: [{ path: "dailySendLimit", message: "Too small: expected number to be >=0" }],
    });
    expect(out.byMember._unsafeUnwrapErr().code).toBe("FORBIDDEN");
  });

  it("applies a workspace's overrides of overridable keys only", () => {
    expect(out.effective).toEqual({
      timezone: "Europe/Oslo",
      dailySendLimit: 500,
      signature: "— The Acme team",
    });
    expect(out.notOverridable._unsafeUnwrapErr()).toMatchObject({
      code: "VALIDATION",
      issues: [{ path: "timezone", message: "a workspace cannot override this setting" }],
    });
  });
});
