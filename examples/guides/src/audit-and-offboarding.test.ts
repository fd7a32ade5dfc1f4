import { describe, expect, it } from "vitest";
import { runAuditAndOffboardingGuide } from "./audit-and-offboarding.js";

describe("the audit and offboarding guide", async () => {
  const out = (await runAuditAndOffboardingGuide())._unsafeUnwrap();

  it("records the operator a platform handle names", () => {
    expect(out.operated).toEqual([
      ["tenant.suspend", null, "support@penguinmails.example"],
      ["tenant.reactivate", null, "support@penguinmails.example"],
    ]);
  });

  it("records every change with its actor, target and before/after, oldest first", () => {
    const actions = out.log.items.map((e) => e.action);
    expect(actions).toEqual(["tenant.provision", "member.add", "member.add", "workspace.rename"]);
    expect(out.log.items[0]?.actorId).toBeNull();
    expect(out.lines[0]).toBe(`2026-03-01T09:00:00.000Z platform tenant.provision ${out.tenantId}`);
    const rename = out.log.items[3];
    expect(rename).toMatchObject({
      actorId: out.ownerId,
      target: { type: "workspace" },
      before: { name: "Acme Client" },
      after: { name: "Acme Corporation" },
      at: "2026-03-01T09:00:00.000Z",
    });
  });

  it("shows no other tenant's events, and none to members", () => {
    expect(out.krillLog.items.every((e) => e.tenantId !== out.tenantId)).toBe(true);
    expect(out.krillLog.items.map((e) => e.action)).toEqual(["tenant.provision"]);
    expect(out.byMember._unsafeUnwrapErr()).toMatchObject({
      code: "FORBIDDEN",
      message: "Not allowed: role member is not granted audit.read.",
    });
  });

  it("stops a suspended tenant's users, new scopes and old ones alike", () => {
    expect(out.whileSuspended._unsafeUnwrapErr()).toMatchObject({
      code: "TENANT_INACTIVE",
      status: "suspended",
    });
    expect(out.oldScope._unsafeUnwrapErr().code).toBe("TENANT_INACTIVE");
  });

  it("exports everything as one JSON document, for the owner only", () => {
    expect(out.exported.format).toBe("rookery.tenant-export/1");
    expect(out.exported.users.map((u) => u.email).sort()).toEqual([
      "ada@penguin.example",
      "max@penguin.example",
      "pat@penguin.example",
    ]);
    expect(out.exported.workspaces.map((w) => w.name)).toEqual(["Acme Corporation"]);
    expect(out.exported.auditEvents.map((e) => e.action)).toContain("tenant.reactivate");
    expect(JSON.parse(JSON.stringify(out.exported))).toEqual(out.exported);
    expect(out.byAdmin._unsafeUnwrapErr().code).toBe("FORBIDDEN");
  });

  it("offboards: the tenant is deleted, its users stopped, its data still exportable", () => {
    expect(out.offboarded).toMatchObject({
      status: "deleted",
      deletedAt: "2026-03-01T09:00:00.000Z",
    });
    expect(out.afterwards._unsafeUnwrapErr()).toMatchObject({
      code: "TENANT_INACTIVE",
      status: "deleted",
    });
    expect(out.archive.tenant.status).toBe("deleted");
    expect(out.archive.auditEvents.at(-1)).toMatchObject({
      action: "tenant.offboard",
      actorId: out.ownerId,
    });
    expect(out.krillGone.status).toBe("deleted");
  });

  it("purges only after the retention, then nothing of the tenant is left", () => {
    expect(out.tooEarly._unsafeUnwrapErr()).toMatchObject({
      code: "INVARIANT",
      message: "The tenant's data is kept until 2026-03-31T09:00:00.000Z.",
    });
    expect(out.purged).toMatchObject({ memberships: 3, workspaces: 1, resources: 0, users: 3 });
    expect(out.purged.auditEvents).toBe(out.archive.auditEvents.length);
    expect(out.lookup._unsafeUnwrapErr()).toMatchObject({ code: "NOT_FOUND", entity: "tenant" });
    // The purge deleted Max's user row with the tenant's other personal data.
    expect(out.maxAfterPurge._unsafeUnwrapErr()).toMatchObject({
      code: "NOT_FOUND",
      entity: "user",
    });
  });
});
