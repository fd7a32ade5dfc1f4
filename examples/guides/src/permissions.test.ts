import { describe, expect, it } from "vitest";
import { runPermissionsGuide } from "./permissions.js";

describe("the permissions guide", async () => {
  const out = (await runPermissionsGuide())._unsafeUnwrap();

  it("answers me() as plain JSON", () => {
    expect(out.me).toMatchObject({ role: "member", workspaceIds: [out.acmeId] });
  });

  it("answers can() per workspace, and asks for a workspace where the action needs one", () => {
    expect([out.inAcme, out.inGlobex, out.invite]).toEqual([true, false, false]);
    expect(out.noWorkspace._unsafeUnwrapErr()).toMatchObject({
      code: "VALIDATION",
      issues: [{ path: "workspaceId", message: "required: this action is decided per workspace" }],
    });
  });

  it("summarises what a member may do, as the guide shows it", () => {
    expect(JSON.parse(out.body)).toEqual({
      userId: out.me.userId,
      tenantId: out.me.tenantId,
      role: "member",
      workspaceIds: [out.acmeId],
      tenant: ["template.read", "tenant.read", "settings.read"],
      workspaces: {
        [out.acmeId]: [
          "campaign.create",
          "campaign.read",
          "campaign.update",
          "campaign.delete",
          "workspace.read",
        ],
      },
      access: "full",
    });
  });

  it("follows a role change on the next call", () => {
    expect(out.promoted.role).toBe("admin");
    expect(out.promoted.tenant).toEqual(expect.arrayContaining(["member.add", "workspace.create"]));
    expect(Object.keys(out.promoted.workspaces).sort()).toEqual([out.acmeId, out.globexId].sort());
    expect(out.patSummary.tenant).toContain("billing.update");
    expect(out.patSummary.workspaces[out.globexId]).toContain("workspace.rename");
  });
});
