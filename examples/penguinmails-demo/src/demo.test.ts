import { sequentialIds } from "@rookery/testing";
import { describe, expect, it } from "vitest";
import { runDemo } from "./run-demo.js";

describe("the PenguinMails demo", () => {
  it("shows the hierarchy and refuses both attempts, the cross-tenant one as NOT_FOUND", async () => {
    const lines = (await runDemo({ ids: sequentialIds() }))._unsafeUnwrap();
    const text = lines.join("\n");
    expect(text).toContain("Tenant Penguin Corp (plan starter, 5 seats)");
    expect(text).toMatch(/Pat <pat@penguin\.example>: owner/);
    expect(text).toMatch(/Ada <ada@penguin\.example>: admin/);
    expect(text).toContain('Globex Client (assigned: Mia; signature "— The Globex team")');
    expect(text).toContain("Krill Inc's owner lists campaigns: 0 found");
    expect(text).toMatch(/asks for Penguin Corp's campaign by id: NOT_FOUND/);
    expect(text).toMatch(/asks for a Globex Client campaign: FORBIDDEN/);
    expect(text).toContain("Max lists campaigns: Spring sale");
    expect(text).not.toContain("Max lists campaigns: Spring sale, Launch week");
  });
});
