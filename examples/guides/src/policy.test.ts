import { describe, expect, it } from "vitest";
import { helpDeskAnswers } from "./policy-help-desk.js";
import { overview } from "./policy-overview.js";

describe("the policy page", () => {
  it("answers the overview as its comments say", () => {
    expect(overview.decision).toMatchObject({
      allowed: true,
      reason: "workspace-assigned",
      step: "workspace",
    });
    expect(overview.billing).toBe(false);
    expect(overview.visible).toEqual({ kind: "workspaces", workspaceIds: ["w1", "w2"] });
  });

  it("answers the help-desk example as its comments say", () => {
    const out = helpDeskAnswers;
    expect([out.euTicket, out.usTicket, out.macro, out.archive]).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(out.tickets).toEqual({ kind: "workspaces", workspaceIds: ["support-eu"] });
    expect(out.why.lines[0]).toBe("denied (tenant-mismatch) at the tenant step");
    expect(out.edits).toBe(true);
    expect(out.publishes).toBe("not-granted");
    expect(out.problems).toEqual([]);
  });
});
