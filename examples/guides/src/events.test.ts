import { describe, expect, it } from "vitest";
import { runEventsGuide } from "./events.js";

describe("the events guide", async () => {
  const out = (await runEventsGuide())._unsafeUnwrap();

  it("hands every committed change to the subscriber, typed by its action", () => {
    expect(out.welcomed).toEqual([out.maxId]);
    expect(out.seats).toBe(2);
    expect(out.handledAll).toBe(true);
  });

  it("keeps an event a subscriber failed on, and the sweep delivers it again", () => {
    expect(out.problems).toEqual(["workspace.rename: Error: webhook unreachable"]);
    expect(out.report).toEqual({ transferred: 0, delivered: 1, failed: 0 });
    expect(out.retried).toEqual(["workspace.rename"]);
  });

  it("delivers, in the next process, what the last one committed but never delivered", () => {
    expect(out.delivered).toEqual(["member.remove"]);
    expect(out.recovered).toEqual({ transferred: 0, delivered: 1, failed: 0 });
  });
});
