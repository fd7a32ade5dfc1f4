import { types } from "node:util";
import { memoryAdapter } from "@rookery/memory";
import { tenancyWorld } from "@rookery/testing";
import { describe, expect, it } from "vitest";
import { instrumentAdapter } from "./instrument-adapter.js";
import { instrumentTenancy } from "./instrument-tenancy.js";
import type { TelemetryEvent } from "./options.js";

// No SDK is installed in this file: the global API hands out spans that record nothing.
describe("without an OpenTelemetry SDK", () => {
  it("hands over the plain scope when nobody listens, and answers the same", async () => {
    const world = await tenancyWorld(instrumentAdapter(memoryAdapter()));
    const tenancy = instrumentTenancy(world.tenancy);
    const scope = (await tenancy.as(world.a.ids.owner))._unsafeUnwrap();
    expect(types.isProxy(scope)).toBe(false);
    const campaign = (await scope.resources("campaign").get(world.a.campaign1))._unsafeUnwrap();
    expect(campaign.id).toBe(world.a.campaign1);
  });

  it("still calls the logger hook, for every call and unit", async () => {
    const events: TelemetryEvent[] = [];
    const log = (event: TelemetryEvent) => events.push(event);
    const world = await tenancyWorld(instrumentAdapter(memoryAdapter(), { log }));
    const tenancy = instrumentTenancy(world.tenancy, { log });
    events.length = 0;
    const scope = (await tenancy.as(world.a.ids.owner))._unsafeUnwrap();
    expect(types.isProxy(scope)).toBe(true);
    (await scope.resources("campaign").get(world.a.campaign1))._unsafeUnwrap();
    expect(events.map((event) => (event.kind === "call" ? event.name : event.unit))).toEqual([
      "platform",
      "tenancy.as",
      "tenant",
      'scope.resources("campaign").get',
    ]);
  });
});
