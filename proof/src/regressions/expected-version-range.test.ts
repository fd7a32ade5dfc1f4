// Regression test for a bug the campaign found, now fixed. It was: `expectedVersion` is any positive integer (packages/core/src/tenancy/resources.ts,
// UpdateOptions), but PostgreSQL stores versions as `integer`: 2^31 and above make the statement
// fail and the call answer INTERNAL (a 5xx a caller can provoke) where the in-memory adapter
// answers CONFLICT. Expected: the same 4xx on both adapters (VALIDATION for a version no store
// can hold, or CONFLICT).
import { httpStatusOf } from "@rookery/core";
import { describe, expect, it } from "vitest";
import { bothAdapters } from "../support/both-adapters.js";

const adapters = bothAdapters();

describe("an expectedVersion beyond what a store holds", () => {
  it("answers the same client error on both adapters", async () => {
    const codes: string[] = [];
    for (const side of await adapters.fresh()) {
      const { a } = side.world;
      const updated = await a.as.owner
        .resources("campaign")
        .update(a.campaign1, { subject: "Hi", status: "sent" }, { expectedVersion: 2 ** 31 });
      const code = updated.isErr() ? updated.error.code : "OK";
      expect(code === "OK" ? 200 : httpStatusOf(code), `${side.name}: ${code}`).toBeLessThan(500);
      codes.push(code);
    }
    expect(new Set(codes).size, codes.join(" / ")).toBe(1);
  });
});
