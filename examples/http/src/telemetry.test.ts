import { describe, expect, it } from "vitest";
import { tracedTenancy } from "./telemetry.js";

describe("the tracing section of docs/http.md", () => {
  it("logs one line per call and per unit of work", async () => {
    const lines: string[] = [];
    const tenancy = tracedTenancy((line) => lines.push(line));
    const made = (
      await tenancy.platform.provisionTenant({
        name: "Penguin Corp",
        plan: "starter",
        owner: { email: "pat@penguin.example" },
      })
    )._unsafeUnwrap();
    lines.length = 0;
    const pat = (
      await tenancy.as({ userId: made.owner.userId, tenantId: made.tenant.id })
    )._unsafeUnwrap();
    await pat.resources("campaign").get("0190a000-0000-7000-8000-00000000f00d");
    const shape = lines.map((line) => line.replace(/ \d+\.\dms$/, "").replace(made.tenant.id, "T"));
    expect(shape).toEqual([
      "tenancy.as tenant=T ok",
      "unit tenant read tenant=T NOT_FOUND",
      'scope.resources("campaign").get tenant=T NOT_FOUND',
    ]);
  });
});
