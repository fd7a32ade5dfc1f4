// Regression test for a bug the campaign found, now fixed. It was: a plan named "constructor" (a valid slug, and a key of Object.prototype) passes the
// catalogue lookup `env.plans[plan]`. On the in-memory adapter provisionTenant then makes an
// active tenant whose subscription has no limits (later calls of that tenant throw inside their
// unit: INTERNAL); on PostgreSQL it answers INTERNAL (not-null violation, 23502).
// subscription.changePlan("constructor") answers INTERNAL on both. Expected: VALIDATION "unknown
// plan", nothing written, on both adapters. In packages/core/src/tenancy/provision.ts and
// subscription.ts (the plan lookups).
import { describe, expect, it } from "vitest";
import { bothAdapters } from "../support/both-adapters.js";

const adapters = bothAdapters();

describe("a plan that is a key of Object.prototype is an unknown plan", () => {
  it("provisionTenant and changePlan answer VALIDATION and write nothing, on both adapters", async () => {
    for (const side of await adapters.fresh()) {
      const { tenancy, a } = side.world;
      const before = await side.fingerprint();
      const provisioned = await tenancy.platform.provisionTenant({
        name: "Prototype Corp",
        plan: "constructor",
        owner: { email: "proto@example.com" },
      });
      expect(provisioned.isErr() && provisioned.error.code, side.name).toBe("VALIDATION");
      const changed = await a.as.owner.subscription.changePlan("constructor");
      expect(changed.isErr() && changed.error.code, side.name).toBe("VALIDATION");
      expect(await side.fingerprint()).toBe(before);
    }
  });
});
