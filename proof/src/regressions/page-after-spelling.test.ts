// Regression test for a bug the campaign found, now fixed. It was: `after` (keyset pagination) accepts a UUID in upper case but does not normalise it
// as ids are normalised (packages/core/src/model/page.ts: `z.uuid()` without `.toLowerCase()`).
// PostgreSQL compares it as a uuid; the in-memory adapter compares strings
// (packages/memory/src/page.ts), so for an id with hex letters the two adapters return different
// pages: memory includes the row `after` names. Expected: the page after an id is the same
// however the id is spelt, on both adapters.
import { describe, expect, it } from "vitest";
import { bothAdapters } from "../support/both-adapters.js";

const adapters = bothAdapters();

describe("the page after an id is the same whatever the id's case", () => {
  it("audit.list and resources.list, on both adapters", async () => {
    for (const side of await adapters.fresh()) {
      const { a } = side.world;
      // Ids are sequential: pick one with a hex letter, where case matters.
      const audit = (await a.as.owner.audit.list({ limit: 500 }))._unsafeUnwrap().items;
      const lettered = audit.find((e) => /[a-f]$/.test(e.id));
      expect(lettered, "an audit event id ending in a hex letter").toBeDefined();
      const id = lettered?.id ?? "";
      const lower = await a.as.owner.audit.list({ after: id });
      const upper = await a.as.owner.audit.list({ after: id.toUpperCase() });
      expect(upper._unsafeUnwrap(), `${side.name}: audit.list`).toEqual(lower._unsafeUnwrap());
      const campaigns = a.as.owner.resources("campaign");
      const c = await campaigns.list({ after: a.campaign1 });
      const C = await campaigns.list({ after: a.campaign1.toUpperCase() });
      expect(C._unsafeUnwrap(), `${side.name}: campaign.list`).toEqual(c._unsafeUnwrap());
    }
  });
});
