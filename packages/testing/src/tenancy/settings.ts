import type { JsonObject } from "@rookery/core";
import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { expectOk } from "../expect-result.js";
import { tenancyWorld, WORLD_ROLES } from "./penguinmails.js";
import { auditRows, expectDenied, expectInvalid, expectNoChange, tenantRows } from "./support.js";

const DEFAULTS = {
  timezone: "UTC",
  sendingWindow: { start: 8, end: 18 },
  signature: "",
  trackOpens: true,
};

/** Company settings from the app's schema, and workspace overrides of some keys. */
export const settingsGroup = defineGroup("tenancy: settings", (test) => {
  test("every role reads the schema's defaults", async ({ adapter }) => {
    const { a } = await tenancyWorld(adapter);
    for (const role of WORLD_ROLES) {
      expect(expectOk(await a.as[role].settings.get(), role)).toEqual(DEFAULTS);
    }
  });

  test("owner and admin update; values merge, are stored and audited", async ({
    adapter,
    inspect,
  }) => {
    const { a, b } = await tenancyWorld(adapter);
    expectOk(await a.as.owner.settings.update({ timezone: "Europe/Oslo" }));
    const both = expectOk(await a.as.admin.settings.update({ trackOpens: false }));
    expect(both).toEqual({ ...DEFAULTS, timezone: "Europe/Oslo", trackOpens: false });
    expect(expectOk(await a.as.member.settings.get())).toEqual(both);
    expect((await tenantRows(inspect, "tenant_settings", a.tenantId))[0]?.values).toEqual(both);
    expect(expectOk(await b.as.owner.settings.get()), "B keeps its own").toEqual(DEFAULTS);
    const events = (await auditRows(inspect, a.tenantId)).slice(-2);
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["settings.update", a.ids.owner],
      ["settings.update", a.ids.admin],
    ]);
  });

  const invalid: Record<string, [JsonObject, string]> = {
    "a value of the wrong type": [{ trackOpens: "yes" }, "trackOpens"],
    "a nested value out of range": [
      { sendingWindow: { start: 25, end: 18 } },
      "sendingWindow.start",
    ],
    "an empty timezone": [{ timezone: "" }, "timezone"],
  };
  for (const [name, [patch, path]] of Object.entries(invalid)) {
    test(`an update with ${name} is VALIDATION naming '${path}'`, async ({ adapter, inspect }) => {
      const { a } = await tenancyWorld(adapter);
      expectInvalid(await expectNoChange(inspect, () => a.as.admin.settings.update(patch)), path);
    });
  }

  test("an update with an undeclared key is VALIDATION", async ({ adapter, inspect }) => {
    const { a } = await tenancyWorld(adapter);
    const result = await expectNoChange(inspect, () =>
      a.as.owner.settings.update({ colour: "blue" }),
    );
    expectInvalid(result, "colour");
  });

  test("an update that changes nothing writes nothing", async ({ adapter, inspect }) => {
    const { a } = await tenancyWorld(adapter);
    for (const patch of [{}, { timezone: "UTC" }, { sendingWindow: { end: 18, start: 8 } }]) {
      const values = await expectNoChange(inspect, () => a.as.owner.settings.update(patch));
      expect(expectOk(values)).toEqual(DEFAULTS);
    }
  });

  test("effective settings are the company's with the workspace's overrides", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    const window = { start: 6, end: 12 };
    const overrides = expectOk(
      await a.as.admin.settings.overrideForWorkspace(a.ws1, { signature: "— Outreach" }),
    );
    expect(overrides).toEqual({ signature: "— Outreach" });
    expectOk(await a.as.owner.settings.overrideForWorkspace(a.ws1, { sendingWindow: window }));
    expectOk(await a.as.owner.settings.update({ timezone: "Europe/Oslo", signature: "— Penguin" }));
    expect(expectOk(await a.as.member.settings.effective(a.ws1))).toEqual({
      ...DEFAULTS,
      timezone: "Europe/Oslo",
      signature: "— Outreach",
      sendingWindow: window,
    });
    expect(expectOk(await a.as.admin.settings.effective(a.ws2))).toEqual({
      ...DEFAULTS,
      timezone: "Europe/Oslo",
      signature: "— Penguin",
    });
    expect(await tenantRows(inspect, "workspace_settings", a.tenantId)).toEqual([
      expect.objectContaining({
        workspaceId: a.ws1,
        values: { signature: "— Outreach", sendingWindow: window },
      }),
    ]);
    expect((await auditRows(inspect, a.tenantId)).map((e) => e.action)).toContain(
      "settings.override",
    );
  });

  test("a workspace cannot override a company-only key", async ({ adapter, inspect }) => {
    const { a } = await tenancyWorld(adapter);
    const result = await expectNoChange(inspect, () =>
      a.as.owner.settings.overrideForWorkspace(a.ws1, { timezone: "Asia/Tokyo" }),
    );
    expectInvalid(result, "timezone");
  });

  test("an override is validated by the app's schema", async ({ adapter, inspect }) => {
    const { a } = await tenancyWorld(adapter);
    const result = await expectNoChange(inspect, () =>
      a.as.owner.settings.overrideForWorkspace(a.ws1, { trackOpens: "no" }),
    );
    expectInvalid(result, "trackOpens");
  });

  test("a member cannot change settings, company-wide or for their workspace", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    const s = a.as.member.settings;
    expectDenied(await expectNoChange(inspect, () => s.update({ timezone: "Asia/Tokyo" })));
    expectDenied(
      await expectNoChange(inspect, () => s.overrideForWorkspace(a.ws1, { signature: "x" })),
    );
    expectOk(await s.effective(a.ws1), "reads their workspace");
    expectDenied(await s.effective(a.ws2), "not an unassigned one");
  });
});
