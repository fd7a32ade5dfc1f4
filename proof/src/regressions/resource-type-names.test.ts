// Regression test for a bug the campaign found, now fixed. It was: `scope.resources(type)` trusts the type. With a key of Object.prototype
// ("__proto__", "constructor", "toString", "hasOwnProperty") `env.resources[type]` finds the
// prototype's member, so create and update throw (TypeError: reading 'safeParse' of undefined),
// list answers an empty page and get/delete NOT_FOUND; with a type that is not a string (a
// Symbol, an object without prototype or with a throwing toString, a deeply nested array) the
// message of the unknown-type error throws while it is made. Expected: VALIDATION "unknown
// resource type" for every method. In packages/core/src/tenancy/scope.ts (`resources`,
// `unknownType`).
import { isRookeryError } from "@rookery/core";
import { describe, expect, it } from "vitest";
import { bothAdapters, settle } from "../support/both-adapters.js";

const adapters = bothAdapters();

const TYPES: readonly [string, unknown][] = [
  ["__proto__", "__proto__"],
  ["constructor", "constructor"],
  ["toString", "toString"],
  ["hasOwnProperty", "hasOwnProperty"],
  ["a symbol", Symbol("type")],
  ["an object without prototype", Object.create(null)],
];

describe("a type that is not declared answers VALIDATION on every method", () => {
  it("prototype keys and values that are not strings, on both adapters", async () => {
    for (const side of await adapters.fresh()) {
      const { a } = side.world;
      const before = await side.fingerprint();
      for (const [label, type] of TYPES) {
        const service = () =>
          (
            a.as.owner.resources as unknown as (
              t: unknown,
            ) => Record<string, (...x: unknown[]) => unknown>
          )(type);
        const calls: Record<string, () => unknown> = {
          list: () => service().list?.(),
          get: () => service().get?.(a.campaign1),
          create: () =>
            service().create?.({ workspaceId: a.ws1, data: { subject: "Hi", status: "draft" } }),
          update: () => service().update?.(a.campaign1, { subject: "Hi", status: "sent" }),
          delete: () => service().delete?.(a.campaign1),
        };
        for (const [method, call] of Object.entries(calls)) {
          const answer = (await settle(call)) as { error?: unknown };
          const context = `${side.name}: resources(${label}).${method}`;
          expect(answer, context).not.toHaveProperty("threw");
          expect(isRookeryError(answer.error) && answer.error.code, context).toBe("VALIDATION");
        }
      }
      expect(await side.fingerprint()).toBe(before);
    }
  });
});
