import { describe, expect, it } from "vitest";
import { TenantId, uuidv7 } from "./ids.js";

describe("ids", () => {
  it("uuidv7 produces valid, time-ordered UUIDs", async () => {
    const first = uuidv7();
    await new Promise((resolve) => setTimeout(resolve, 2));
    const second = uuidv7();
    expect(TenantId.safeParse(first).success).toBe(true);
    expect(first[14]).toBe("7");
    expect(first < second).toBe(true);
  });

  it("normalises ids to lower case, as PostgreSQL does", () => {
    const upper = "0190A0B1-C2D3-7E4F-8A5B-6C7D8E9F0A1B";
    expect(TenantId.parse(upper)).toBe(upper.toLowerCase());
  });

  it("rejects what is not a UUID", () => {
    expect(TenantId.safeParse("1; DROP TABLE tenants").success).toBe(false);
    expect(TenantId.safeParse("").success).toBe(false);
  });
});

describe("uuidv7 within one millisecond", () => {
  it("keeps ids in the order they were made", () => {
    const made = Array.from({ length: 5000 }, () => uuidv7());
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
    expect(made.every((id) => TenantId.safeParse(id).success)).toBe(true);
  });
});
