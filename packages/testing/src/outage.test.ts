import type { RookeryAdapter } from "@rookery/core";
import { ok, ResultAsync } from "neverthrow";
import { describe, expect, it } from "vitest";
import { withOutage } from "./outage.js";

/** An adapter that counts the units it runs and hands each work a plain object. */
function countingAdapter() {
  const ran = { units: 0 };
  const adapter: RookeryAdapter = {
    name: "counting",
    platform: (work) => {
      ran.units += 1;
      return new ResultAsync(Promise.resolve(work({} as never)));
    },
    tenant: (_id, work) => {
      ran.units += 1;
      return new ResultAsync(Promise.resolve(work({} as never)));
    },
  };
  return { adapter, ran };
}

describe("withOutage", () => {
  it("fails every unit with UNAVAILABLE and the store's cause while down, reaching nothing", async () => {
    const { adapter: inner, ran } = countingAdapter();
    const cause = new Error("connect ECONNREFUSED");
    const { adapter, outage } = withOutage(inner, cause);
    outage.down = true;
    const work = async () => ok("done");
    for (const answer of [await adapter.platform(work), await adapter.tenant("t" as never, work)]) {
      const error = answer._unsafeUnwrapErr();
      expect(error.code).toBe("UNAVAILABLE");
      expect((error as { cause?: unknown }).cause).toBe(cause);
    }
    expect(ran.units).toBe(0);
  });

  it("passes every unit to the adapter while up", async () => {
    const { adapter: inner, ran } = countingAdapter();
    const { adapter, outage } = withOutage(inner);
    outage.down = true;
    outage.down = false;
    expect((await adapter.platform(async () => ok("done")))._unsafeUnwrap()).toBe("done");
    expect((await adapter.tenant("t" as never, async () => ok(1)))._unsafeUnwrap()).toBe(1);
    expect(ran.units).toBe(2);
  });
});
