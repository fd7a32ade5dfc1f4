import { describe, expect, it } from "vitest";
import { runWorkspacesGuide } from "./workspaces.js";

describe("the workspaces guide", async () => {
  const out = (await runWorkspacesGuide())._unsafeUnwrap();

  it("creates workspaces up to the plan's limit", () => {
    expect(out.acme).toMatchObject({ name: "Acme Client", status: "active" });
    expect(out.globex.tenantId).toBe(out.acme.tenantId);
    expect(out.third._unsafeUnwrapErr()).toMatchObject({
      code: "LIMIT_EXCEEDED",
      limit: "workspaces",
      max: 2,
    });
  });

  it("refuses a member creating one and a blank name, naming the field", () => {
    expect(out.byMember._unsafeUnwrapErr()).toMatchObject({
      code: "FORBIDDEN",
      message: "Not allowed: role member is not granted workspace.create.",
    });
    const blank = out.blank._unsafeUnwrapErr();
    expect(blank.code === "VALIDATION" && blank.issues.map((i) => i.path)).toEqual(["name"]);
  });

  it("assigns a member once", () => {
    expect(out.assignees).toEqual([expect.objectContaining({ userId: out.maxId })]);
    expect(out.twice._unsafeUnwrapErr().code).toBe("CONFLICT");
  });

  it("shows members their assigned workspaces and admins all, and explains a refusal", () => {
    expect(out.maxList).toEqual(["Acme Client"]);
    expect([...out.adaList].sort()).toEqual(["Acme Client", "Globex Client"]);
    const denied = out.notHis._unsafeUnwrapErr();
    expect(denied.code).toBe("FORBIDDEN");
    expect(denied.code === "FORBIDDEN" && denied.trace.at(-1)).toBe(
      `workspace: denied: workspace ${out.globex.id} is not assigned to the actor`,
    );
  });

  it("renames, archives and unarchives, and archived workspaces still count", () => {
    expect(out.renamed.name).toBe("Globex Corporation");
    expect(out.activeOnly).toEqual(["Acme Client"]);
    expect(out.stillCounted._unsafeUnwrapErr().code).toBe("LIMIT_EXCEEDED");
    expect(out.back.status).toBe("active");
  });

  it("takes an unassignment into force on the next call", () => {
    expect(out.maxNow).toEqual([]);
    expect(out.notAssigned._unsafeUnwrapErr()).toMatchObject({
      code: "NOT_FOUND",
      entity: "assignment",
    });
  });

  it("deletes a workspace and frees its slot", () => {
    expect(out.initech.name).toBe("Initech Client");
    expect(out.gone._unsafeUnwrapErr()).toMatchObject({ code: "NOT_FOUND", entity: "workspace" });
  });
});
