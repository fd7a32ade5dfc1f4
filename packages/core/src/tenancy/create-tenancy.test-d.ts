import { definePolicy, tenancyPolicy } from "@rookery/policy";
import type { ResultAsync } from "neverthrow";
import { describe, expectTypeOf, test } from "vitest";
import { z } from "zod";
import type { RookeryError } from "../errors.js";
import type { WorkspaceId } from "../ids.js";
import type { RookeryAdapter } from "../port/adapter.js";
import { createTenancy } from "./create-tenancy.js";
import type { ServiceAction } from "./policy-authorizer.js";

declare const adapter: RookeryAdapter;
const plans = { starter: { limits: { seats: 3, workspaces: 1 } } };
const resources = {
  campaign: { scope: "workspace" as const, schema: z.strictObject({ subject: z.string() }) },
};
const roles = {
  owner: { inherits: ["admin"], workspaces: "all" },
  admin: { inherits: ["member"], workspaces: "all" },
  member: { workspaces: "assigned" },
} as const;

describe("createTenancy's types", () => {
  test("settings are typed by the application's schema, in and out", async () => {
    const settings = {
      schema: z.object({
        timezone: z.string().default("UTC"),
        trackOpens: z.boolean().default(true),
      }),
    };
    const tenancy = createTenancy({ adapter, plans, settings })._unsafeUnwrap();
    const scope = (await tenancy.as("user"))._unsafeUnwrap();
    expectTypeOf(scope.settings.get()).toEqualTypeOf<
      ResultAsync<{ timezone: string; trackOpens: boolean }, RookeryError>
    >();
    scope.settings.update({ timezone: "Europe/Paris" });
    // @ts-expect-error a number is not a timezone
    scope.settings.update({ timezone: 1 });
    // @ts-expect-error not a declared setting
    scope.settings.update({ colour: "blue" });
  });

  test("resource data is typed by the resource type's schema", async () => {
    const tenancy = createTenancy({ adapter, plans, resources })._unsafeUnwrap();
    const scope = (await tenancy.as("user"))._unsafeUnwrap();
    scope.resources("campaign").create({ workspaceId: "w", data: { subject: "Hi" } });
    // @ts-expect-error the schema wants a subject
    scope.resources("campaign").create({ workspaceId: "w", data: { title: "Hi" } });
    // @ts-expect-error not a declared resource type
    scope.resources("invoice");
  });

  test("permissions are typed by the application's resource types", async () => {
    const tenancy = createTenancy({ adapter, plans, resources })._unsafeUnwrap();
    const scope = (await tenancy.as("user"))._unsafeUnwrap();
    scope.can("campaign.create", { workspaceId: "w" });
    scope.can("member.add");
    // @ts-expect-error not a declared resource type
    scope.can("invoice.read");
    // @ts-expect-error not a verb of the services
    scope.can("campaign.publish");
    const summary = (await scope.permissions())._unsafeUnwrap();
    expectTypeOf(summary.tenant[0]).toEqualTypeOf<ServiceAction<typeof resources> | undefined>();
    expectTypeOf(summary.workspaceIds).toEqualTypeOf<readonly WorkspaceId[]>();
  });

  test("a policy that decides every call of the services compiles", () => {
    createTenancy({
      adapter,
      plans,
      resources,
      policy: tenancyPolicy({ resources: { campaign: "workspace" } }),
    });
  });

  test("a policy lacking an action the services ask about does not compile", () => {
    const lacking = definePolicy({
      roles,
      resources: { tenant: "tenant" },
      actions: { "tenant.read": { roles: ["member"] } },
    });
    // @ts-expect-error the policy lacks billing.read, audit.read, ... and campaign.create, ...
    createTenancy({ adapter, plans, resources, policy: lacking });
  });

  test("a policy written for other resource types does not compile", () => {
    const other = tenancyPolicy({ resources: { invoice: "tenant" } });
    // @ts-expect-error the policy has no campaign.* actions
    createTenancy({ adapter, plans, resources, policy: other });
  });
});
