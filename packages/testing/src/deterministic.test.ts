import { TenantId, WorkspaceId } from "@rookery/core/adapter";
import { describe, expect, it } from "vitest";
import { manualClock, sequentialIds } from "./deterministic.js";

describe("deterministic ids and time", () => {
  it("sequentialIds repeats the same increasing sequence of valid ids on every run", () => {
    const a = sequentialIds();
    const b = sequentialIds();
    const fromA = [a(), a(), a()];
    expect(fromA).toEqual([b(), b(), b()]);
    expect([...fromA].sort()).toEqual(fromA);
    expect(fromA.every((id) => WorkspaceId.safeParse(id).success)).toBe(true);
    expect(TenantId.parse(sequentialIds(255)())).toBe("00000000-0000-7000-8000-0000000000ff");
  });

  it("manualClock stands still until moved", () => {
    const clock = manualClock("2026-01-01T00:00:00.000Z");
    expect(clock.now().toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(clock.now().toISOString()).toBe("2026-01-01T00:00:00.000Z");
    clock.advance(1_500);
    expect(clock.now().toISOString()).toBe("2026-01-01T00:00:01.500Z");
    clock.set("2027-02-03T04:05:06.000Z");
    expect(clock.now().toISOString()).toBe("2027-02-03T04:05:06.000Z");
  });
});
