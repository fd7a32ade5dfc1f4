import { definePolicy } from "@rookery/policy";
import { errAsync } from "neverthrow";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { RookeryErrors } from "../errors.js";
import type { RookeryAdapter } from "../port/adapter.js";
import { createTenancy } from "./create-tenancy.js";

/** Configuration is checked before any store is touched: this adapter refuses everything. */
const unused = (): RookeryAdapter => ({
  name: "unused",
  platform: () => errAsync(RookeryErrors.unavailable("not expected to be called")),
  tenant: () => errAsync(RookeryErrors.unavailable("not expected to be called")),
});

const plans = { starter: { limits: { seats: 3, workspaces: 1 } } };
const schema = z.strictObject({ title: z.string() });

describe("createTenancy", () => {
  it("refuses, as CONFIGURATION, a policy that lacks actions or roles the services need", () => {
    // As a plain JavaScript caller could pass it: the types would refuse it.
    const lacking = definePolicy({
      roles: { owner: { workspaces: "all" }, member: { workspaces: "assigned" } },
      resources: { tenant: "tenant" },
      actions: { "tenant.read": { roles: ["member"] } },
    });
    const result = createTenancy({
      adapter: unused(),
      plans,
      resources: { campaign: { scope: "workspace", schema } },
      policy: lacking as never,
    });
    const error = result._unsafeUnwrapErr();
    expect(error.code).toBe("CONFIGURATION");
    expect(error.message).toMatch(/lacks tenant\.delete, billing\.read/);
    expect(error.message).toMatch(
      /campaign\.create, campaign\.read, campaign\.update, campaign\.delete, admin\.$/,
    );
  });

  it("refuses a resource type named like one of Rookery's own", () => {
    const result = createTenancy({
      adapter: unused(),
      plans,
      resources: { workspace: { scope: "tenant", schema } },
    });
    expect(result._unsafeUnwrapErr()).toMatchObject({
      code: "VALIDATION",
      issues: [{ path: "resources.workspace" }],
    });
  });

  it("refuses settings without defaults and an empty plan catalogue", () => {
    const noDefaults = createTenancy({
      adapter: unused(),
      plans,
      settings: { schema: z.object({ timezone: z.string() }) },
    });
    expect(noDefaults._unsafeUnwrapErr()).toMatchObject({ issues: [{ path: "settings.schema" }] });
    const noPlans = createTenancy({ adapter: unused(), plans: {} });
    expect(noPlans._unsafeUnwrapErr()).toMatchObject({ issues: [{ path: "plans" }] });
  });

  it("accepts a valid configuration", () => {
    const result = createTenancy({
      adapter: unused(),
      plans,
      resources: { note: { scope: "workspace", schema } },
    });
    expect(result.isOk()).toBe(true);
  });
});
