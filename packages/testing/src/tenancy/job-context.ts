import { createTenancy } from "@rookery/core";
import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { sequentialIds } from "../deterministic.js";
import { expectErr, expectOk } from "../expect-result.js";
import { penguinMails, tenancyWorld } from "./penguinmails.js";

/** Background jobs resume a scope only while it is still valid; the context helper. */
export const jobsAndContextGroup = defineGroup("tenancy: jobs and context", (test) => {
  test("toJob / fromJob round trip resumes the same user and tenant", async ({ adapter }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const token = expectOk(a.as.member.toJob());
    expect(token).not.toContain(a.ids.member);
    const resumed = expectOk(await tenancy.fromJob(token));
    expect([resumed.userId, resumed.tenantId]).toEqual([a.ids.member, a.tenantId]);
    const campaign = expectOk(await resumed.resources("campaign").get(a.campaign1));
    expect(campaign.data.subject).toBe("Spring sale");
  });

  test("a tampered or foreign job token is FORBIDDEN", async ({ adapter }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const token = expectOk(a.as.member.toJob());
    const [body = "", signature = ""] = token.split(".");
    const forged = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    forged.u = a.ids.owner;
    const forgedBody = Buffer.from(JSON.stringify(forged)).toString("base64url");
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    // Signed with another application's secret: valid in form, not ours.
    const other = expectOk(
      createTenancy({ adapter, ...penguinMails(), jobs: { secret: "x".repeat(32) } }),
    );
    const foreign = expectOk(expectOk(await other.as(a.ids.member)).toJob());
    const bads = [`${forgedBody}.${signature}`, `${body}.${flipped}`, foreign, body, "", "a.b.c"];
    for (const bad of bads) {
      expectErr(await tenancy.fromJob(bad), "FORBIDDEN", undefined, JSON.stringify(bad));
    }
  });

  test("a job of a removed member is NOT_FOUND when it resumes", async ({ adapter }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const token = expectOk(a.as.member.toJob());
    expectOk(await a.as.owner.members.remove(a.ids.member));
    expectErr(await tenancy.fromJob(token), "NOT_FOUND");
  });

  test("a job of a user who moved to another tenant is NOT_FOUND", async ({ adapter }) => {
    const { tenancy, a, b } = await tenancyWorld(adapter);
    const token = expectOk(a.as.member.toJob());
    expectOk(await a.as.owner.members.remove(a.ids.member));
    expectOk(await b.as.owner.members.add({ userId: a.ids.member }));
    expectErr(await tenancy.fromJob(token), "NOT_FOUND");
  });

  test("an expired job token is FORBIDDEN", async ({ adapter }) => {
    const { tenancy, clock, a } = await tenancyWorld(adapter, { jobTtlSeconds: 60 });
    const token = expectOk(a.as.admin.toJob());
    clock.advance(59_000);
    expectOk(await tenancy.fromJob(token), "within its lifetime");
    clock.advance(1_000);
    expectErr(await tenancy.fromJob(token), "FORBIDDEN");
  });

  test("toJob without a job secret configured is CONFIGURATION", async ({ adapter }) => {
    const tenancy = expectOk(createTenancy({ adapter, ...penguinMails(), ids: sequentialIds() }));
    const made = expectOk(
      await tenancy.platform.provisionTenant({
        name: "Penguin Corp",
        plan: "starter",
        owner: { email: "pat@a.example" },
      }),
    );
    const scope = expectOk(await tenancy.as(made.owner.userId));
    expectErr(scope.toJob(), "CONFIGURATION");
  });

  test("context.run binds a scope to its async calls; current() outside is NO_TENANT_CONTEXT", async ({
    adapter,
  }) => {
    const { tenancy, a, b } = await tenancyWorld(adapter);
    expectErr(tenancy.context.current(), "NO_TENANT_CONTEXT");
    const seen = await Promise.all(
      [a.as.member, b.as.admin].map((scope) =>
        tenancy.context.run(scope, async () => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          const current = expectOk(tenancy.context.current());
          return expectOk(await current.me()).tenantId;
        }),
      ),
    );
    expect(seen).toEqual([a.tenantId, b.tenantId]);
    expectErr(tenancy.context.current(), "NO_TENANT_CONTEXT", undefined, "after run");
  });
});
