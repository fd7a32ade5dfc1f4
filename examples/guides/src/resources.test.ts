import { describe, expect, it } from "vitest";
import { runResourcesGuide } from "./resources.js";

describe("the resources guide", async () => {
  const out = (await runResourcesGuide())._unsafeUnwrap();

  it("creates a typed resource holding the schema's output", () => {
    expect(out.spring.data).toEqual({ subject: "Spring sale", status: "draft" });
    expect(out.spring).toMatchObject({ type: "campaign", version: 1, createdBy: out.maxId });
  });

  it("refuses an undeclared type at run time as well", () => {
    expect(out.invoices._unsafeUnwrapErr()).toMatchObject({
      code: "VALIDATION",
      issues: [{ path: "type", message: "unknown resource type 'invoice'" }],
    });
  });

  it("names the failed field, and refuses a workspace the member is not assigned to", () => {
    expect(out.noWorkspace._unsafeUnwrapErr()).toMatchObject({
      code: "VALIDATION",
      issues: [{ path: "workspaceId", message: "required: this type lives in a workspace" }],
    });
    expect(out.badData._unsafeUnwrapErr()).toMatchObject({
      code: "VALIDATION",
      issues: [{ path: "data.subject" }],
    });
    expect(out.notHis._unsafeUnwrapErr().code).toBe("FORBIDDEN");
  });

  it("replaces the data on update and counts versions", () => {
    expect(out.sent).toMatchObject({ version: 2, data: { status: "sent" } });
    expect(out.first._unsafeUnwrap().version).toBe(3);
    expect(out.second._unsafeUnwrapErr()).toMatchObject({ code: "CONFLICT" });
  });

  it("lists through the policy's filter", () => {
    expect([...out.mine].sort()).toEqual(["Spring sale: 20% off", "Summer sale"]);
    expect([...out.all].sort()).toEqual(["Launch week", "Spring sale: 20% off", "Summer sale"]);
    expect(out.ofGlobex._unsafeUnwrapErr().code).toBe("FORBIDDEN");
    const denied = out.launchById._unsafeUnwrapErr();
    expect(denied.code === "FORBIDDEN" && denied.trace.at(-1)).toMatch(
      /^workspace: denied: workspace .* is not assigned to the actor$/,
    );
  });

  it("pages through everything, in the order of a single list", () => {
    expect(out.titles).toEqual(out.all);
  });

  it("lets members read tenant-scoped resources but not write them", () => {
    expect(out.maxTemplates).toEqual(["Welcome"]);
    expect(out.maxWrites._unsafeUnwrapErr().code).toBe("FORBIDDEN");
    expect(out.inWorkspace._unsafeUnwrapErr()).toMatchObject({
      code: "VALIDATION",
      issues: [{ path: "workspaceId" }],
    });
  });

  it("freezes an archived workspace's resources but keeps them readable", () => {
    expect(out.frozen._unsafeUnwrapErr()).toMatchObject({ code: "INVARIANT" });
    expect(out.stillReadable.data.subject).toBe("Launch week");
  });

  it("deletes", () => {
    expect(out.deleted._unsafeUnwrapErr()).toMatchObject({ code: "NOT_FOUND", entity: "resource" });
  });
});
