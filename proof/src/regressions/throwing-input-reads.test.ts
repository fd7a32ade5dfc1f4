// Regression test for a bug the campaign found, now fixed. It was: an input whose property reads throw (a getter, a Proxy) makes the call reject, or
// throw, instead of answering VALIDATION. Core parses inputs with zod's safeParse
// (packages/core/src/parse.ts, the resource data parse in tenancy/resources.ts, the settings
// patch in tenancy/settings.ts and the configuration in tenancy/create-tenancy.ts), and safeParse
// lets what reading the input throws escape.
import { createTenancy, isRookeryError } from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import { penguinMails } from "@rookery/testing";
import { describe, expect, it } from "vitest";
import { bothAdapters, settle } from "../support/both-adapters.js";

const adapters = bothAdapters();

const throwingGetter = () =>
  Object.defineProperty({}, "name", {
    enumerable: true,
    get() {
      throw new Error("getter was read");
    },
  });
const throwingProxy = () =>
  new Proxy(
    {},
    {
      get() {
        throw new Error("proxy trap");
      },
    },
  );

describe("an input whose reads throw answers VALIDATION and writes nothing", () => {
  it("on every entry point sampled, on both adapters", async () => {
    for (const side of await adapters.fresh()) {
      const { tenancy, a } = side.world;
      const owner = a.as.owner as unknown as Record<
        string,
        Record<string, (x: unknown) => unknown>
      >;
      const before = await side.fingerprint();
      const calls: Record<string, () => unknown> = {
        "workspaces.create(getter)": () => owner.workspaces?.create?.(throwingGetter()),
        "members.add(proxy)": () => owner.members?.add?.(throwingProxy()),
        "settings.update(getter)": () => owner.settings?.update?.(throwingGetter()),
        "tenancy.as(proxy)": () => tenancy.as(throwingProxy() as string),
        "platform.provisionTenant(getter)": () =>
          tenancy.platform.provisionTenant(throwingGetter() as never),
        "createTenancy({ plans: getter })": () =>
          createTenancy({
            adapter: memoryAdapter(),
            ...penguinMails(),
            plans: throwingGetter() as never,
          }),
      };
      for (const [name, call] of Object.entries(calls)) {
        const answer = (await settle(call)) as { error?: unknown };
        expect(answer, `${side.name}: ${name}`).not.toHaveProperty("threw");
        expect(isRookeryError(answer.error) && answer.error.code, `${side.name}: ${name}`).toBe(
          "VALIDATION",
        );
      }
      expect(await side.fingerprint()).toBe(before);
    }
  });
});
