import { describe, expect, it } from "vitest";
import { AuditEvent } from "./audit.js";
import { Email, JsonObject } from "./common.js";
import { Membership } from "./membership.js";
import { Resource } from "./resource.js";
import { PlanLimits, Subscription } from "./subscription.js";
import { Tenant } from "./tenant.js";
import { Workspace } from "./workspace.js";

const tenantId = "0190a0b1-c2d3-7e4f-8a5b-6c7d8e9f0a1b";
const userId = "0190a0b1-c2d3-7e4f-8a5b-6c7d8e9f0a1c";
const at = "2026-01-01T00:00:00.000Z";

describe("model schemas", () => {
  it("accept a valid tenant and reject unknown keys", () => {
    const tenant = {
      id: tenantId,
      name: "Acme",
      status: "active",
      deletedAt: null,
      createdAt: at,
      updatedAt: at,
    };
    expect(Tenant.parse(tenant)).toEqual(tenant);
    expect(Tenant.safeParse({ ...tenant, plan: "pro" }).success).toBe(false);
  });

  it("bound names: empty and overlong are refused, surrounding space trimmed", () => {
    const base = { tenantId, id: userId, status: "active", createdAt: at, updatedAt: at };
    expect(Workspace.safeParse({ ...base, name: "" }).success).toBe(false);
    expect(Workspace.safeParse({ ...base, name: "x".repeat(201) }).success).toBe(false);
    expect(Workspace.parse({ ...base, name: "  Launch  " }).name).toBe("Launch");
  });

  it("normalise e-mails to lower case", () => {
    expect(Email.parse(" Ada@Example.COM ")).toBe("ada@example.com");
    expect(Email.safeParse("not-an-email").success).toBe(false);
  });

  it("allow only the three roles", () => {
    const base = { tenantId, userId, createdAt: at, updatedAt: at };
    expect(Membership.safeParse({ ...base, role: "owner" }).success).toBe(true);
    expect(Membership.safeParse({ ...base, role: "superuser" }).success).toBe(false);
  });

  it("require seats and workspaces in plan limits and allow app-defined ones", () => {
    expect(PlanLimits.parse({ seats: 5, workspaces: 3, domains: 10 })).toEqual({
      seats: 5,
      workspaces: 3,
      domains: 10,
    });
    expect(PlanLimits.safeParse({ seats: 0, workspaces: 1 }).success).toBe(false);
    expect(PlanLimits.safeParse({ seats: 1 }).success).toBe(false);
    const sub = {
      tenantId,
      plan: "pro",
      status: "active",
      limits: { seats: 1, workspaces: 1 },
      createdAt: at,
      updatedAt: at,
    };
    expect(Subscription.parse(sub)).toEqual(sub);
    expect(Subscription.safeParse({ ...sub, plan: "Pro Plan" }).success).toBe(false);
  });

  it("keep resource data to JSON objects", () => {
    const resource = {
      tenantId,
      id: userId,
      type: "campaign",
      workspaceId: null,
      data: { subject: "Hi" },
      version: 1,
      createdBy: null,
      createdAt: at,
      updatedAt: at,
    };
    expect(Resource.safeParse(resource).success).toBe(true);
    expect(Resource.safeParse({ ...resource, data: [1, 2] }).success).toBe(false);
    expect(JsonObject.safeParse({ when: new Date() }).success).toBe(false);
    expect(JsonObject.safeParse({ n: Number.NaN }).success).toBe(false);
  });

  it("shape audit actions as noun.verb", () => {
    const event = {
      tenantId,
      id: userId,
      actorId: null,
      operator: null,
      action: "member.add",
      target: { type: "user", id: userId },
      before: null,
      after: { role: "admin" },
      at,
    };
    expect(AuditEvent.safeParse(event).success).toBe(true);
    expect(AuditEvent.safeParse({ ...event, action: "add" }).success).toBe(false);
  });
});
