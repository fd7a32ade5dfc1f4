import { createTenancy } from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import { describe, expect, it } from "vitest";
import { flakyAdapter, runProvisioningGuide } from "./provisioning.js";

describe("the provisioning guide", async () => {
  const out = (await runProvisioningGuide())._unsafeUnwrap();

  it("provisions an active tenant with its owner, subscription and first workspace", () => {
    expect(out.tenant).toMatchObject({ name: "Penguin Corp", status: "active", deletedAt: null });
    expect(out.owner).toMatchObject({ email: "pat@penguin.example", name: "Pat" });
    expect(out.subscription).toMatchObject({
      tenantId: out.tenant.id,
      plan: "starter",
      status: "active",
      limits: { seats: 5, workspaces: 2 },
    });
    expect(out.workspace).toMatchObject({ tenantId: out.tenant.id, name: "Acme Client" });
  });

  it("answers a retry with the same key with the same tenant, owner and workspace", () => {
    expect(out.retried.tenant.id).toBe(out.tenant.id);
    expect(out.retried.owner.userId).toBe(out.owner.userId);
    expect(out.retried.workspace?.id).toBe(out.workspace?.id);
  });

  it("refuses a key reused for another tenant, an unknown plan and an owner already in a tenant", () => {
    expect(out.reused._unsafeUnwrapErr()).toMatchObject({ code: "CONFLICT", entity: "tenant" });
    expect(out.unknownPlan._unsafeUnwrapErr()).toMatchObject({
      code: "VALIDATION",
      issues: [{ path: "plan", message: "unknown plan 'enterprise'" }],
    });
    expect(out.takenOwner._unsafeUnwrapErr()).toMatchObject({ code: "CONFLICT", entity: "user" });
  });

  it("makes an existing, unattached user the owner of a new tenant", () => {
    expect(out.krill.tenant.name).toBe("Krill Inc");
    expect(out.krill.owner.email).toBe("kim@krill.example");
    expect(out.krill.subscription).toMatchObject({ plan: "growth", status: "trialing" });
    expect(out.krill.subscription.limits).toEqual({ seats: 25, workspaces: 10, domains: 20 });
    expect(out.krill.workspace).toBeNull();
    expect(out.found.id).toBe(out.krill.tenant.id);
    expect([...out.activeNames].sort()).toEqual(["Krill Inc", "Penguin Corp"]);
  });

  it("checks the configuration up front and names the failed fields", () => {
    const issues = out.invalid._unsafeUnwrapErr();
    expect(issues.code).toBe("VALIDATION");
    expect(issues.code === "VALIDATION" && issues.issues).toEqual([
      { path: "plans.starter.limits.seats", message: "Too small: expected number to be >=1" },
    ]);
  });

  it("gives sequential ids and the manual clock's time when they are injected", async () => {
    const tenancy = out.deterministic.testTenancy._unsafeUnwrap();
    out.deterministic.clock.advance(60_000);
    const made = (
      await tenancy.platform.provisionTenant({
        name: "Tern Ltd",
        plan: "starter",
        owner: { email: "tia@tern.example" },
      })
    )._unsafeUnwrap();
    expect(made.tenant.id).toBe("00000000-0000-7000-8000-000000000001");
    expect(made.owner.userId).toBe("00000000-0000-7000-8000-000000000002");
    expect(made.tenant.createdAt).toBe("2026-01-01T00:01:00.000Z");
  });

  it("undoes a provisioning that failed midway, and a retry with the key completes it", () => {
    expect(out.failure.failed._unsafeUnwrapErr().code).toBe("UNAVAILABLE");
    expect(out.failure.visibleAfterFailure).toEqual([]);
    expect(out.failure.retried.tenant).toMatchObject({ name: "Krill Inc", status: "active" });
    expect(out.failure.retried.owner.email).toBe("kim@krill.example");
  });

  it("keeps a tenant whose clean-up also failed invisible, and the retry resumes it", async () => {
    const store = memoryAdapter();
    const tenancy = createTenancy({
      adapter: flakyAdapter(store, { failures: 1, alsoCompensation: true }),
      plans: { starter: { limits: { seats: 5, workspaces: 2 } } },
    })._unsafeUnwrap();
    const signup = {
      name: "Krill Inc",
      plan: "starter",
      owner: { email: "kim@krill.example" },
      idempotencyKey: "signup-crash-0001",
    };
    expect((await tenancy.platform.provisionTenant(signup))._unsafeUnwrapErr().code).toBe(
      "UNAVAILABLE",
    );
    // Left behind in `provisioning`: the store holds it, nobody sees it.
    const stuck = store.snapshot().platform.tenants.map(([, row]) => row);
    expect(stuck.map((t) => t.status)).toEqual(["provisioning"]);
    expect((await tenancy.platform.listTenants())._unsafeUnwrap().items).toEqual([]);
    const stuckId = stuck[0]?.id ?? "";
    expect((await tenancy.platform.getTenant(stuckId))._unsafeUnwrapErr().code).toBe("NOT_FOUND");
    const kimId = store.snapshot().platform.users[0]?.[1].id ?? "";
    expect((await tenancy.as(kimId))._unsafeUnwrapErr().code).toBe("NOT_FOUND");

    const resumed = (await tenancy.platform.provisionTenant(signup))._unsafeUnwrap();
    expect(resumed.tenant).toMatchObject({ id: stuckId, status: "active" });
    expect(resumed.owner.userId).toBe(kimId);
    const kim = (await tenancy.as(kimId))._unsafeUnwrap();
    expect((await kim.me())._unsafeUnwrap().role).toBe("owner");
  });
});
