import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { expectOk } from "../expect-result.js";
import { tenancyWorld } from "./penguinmails.js";
import { type Call, expectInvalid, expectNoChange } from "./support.js";

const NUL = "Launch\u0000day";
const LONE_SURROGATE = "Launch \uD83D day";
/** A JSON body as a client sends it: `__proto__` is then an own key, not the prototype. */
const protoPatch = () => JSON.parse('{"__proto__": {"timezone": "Europe/Paris"}}');

/**
 * Text and JSON that one store would keep and another refuse (PostgreSQL
 * refuses NUL and unpaired surrogates), or that would vanish on the way in
 * (`__proto__`): refused in core with VALIDATION naming the field, so every
 * adapter answers the same and writes nothing.
 */
export const storableInputGroup = defineGroup("tenancy: storable input", (test) => {
  test("names with NUL or an unpaired surrogate are VALIDATION naming the field", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const owner = a.as.owner;
    for (const bad of [NUL, LONE_SURROGATE]) {
      const calls: [string, string, Call][] = [
        ["workspaces.create", "name", () => owner.workspaces.create({ name: bad })],
        ["workspaces.rename", "name", () => owner.workspaces.rename(a.ws1, { name: bad })],
        [
          "registerUser",
          "name",
          () => tenancy.platform.registerUser({ email: "x@p.example", name: bad }),
        ],
        [
          "registerUser",
          "subject",
          () => tenancy.platform.registerUser({ email: "x@p.example", subject: bad }),
        ],
        [
          "provisionTenant",
          "name",
          () =>
            tenancy.platform.provisionTenant({
              name: bad,
              plan: "starter",
              owner: { email: "new@p.example" },
            }),
        ],
      ];
      for (const [name, path, call] of calls) {
        expectInvalid(await expectNoChange(inspect, call), path, `${name}(${JSON.stringify(bad)})`);
      }
    }
  });

  test("resource data with NUL, an unpaired surrogate or a __proto__ key is VALIDATION under data", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    const campaigns = a.as.owner.resources("campaign");
    const templates = a.as.owner.resources("template");
    const calls: [string, Call][] = [
      [
        "data.subject",
        () => campaigns.create({ workspaceId: a.ws1, data: { subject: NUL, status: "draft" } }),
      ],
      [
        "data.subject",
        () => campaigns.update(a.campaign1, { subject: LONE_SURROGATE, status: "draft" }),
      ],
      ["data.html", () => templates.update(a.template, { name: "T", html: `<p>${NUL}</p>` })],
    ];
    for (const [path, call] of calls) expectInvalid(await expectNoChange(inspect, call), path);
  });

  test("a settings patch or override with a __proto__ key is VALIDATION and writes no audit event", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    const settings = a.as.owner.settings;
    expectInvalid(await expectNoChange(inspect, () => settings.update(protoPatch())), "__proto__");
    expectInvalid(
      await expectNoChange(inspect, () => settings.overrideForWorkspace(a.ws1, protoPatch())),
      "__proto__",
    );
  });

  test("a resource type named like a member of Object is an unknown type", async ({
    adapter,
    inspect,
  }) => {
    const { a } = await tenancyWorld(adapter);
    // A type from untyped input, as a JavaScript caller or a route parameter would give it.
    const scope = a.as.owner as unknown as {
      resources(type: string): { create(input: unknown): ReturnType<Call> };
    };
    for (const type of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const call = () => scope.resources(type).create({ workspaceId: a.ws1, data: {} });
      expectInvalid(await expectNoChange(inspect, call), "type", type);
    }
  });

  test("text with emoji, right-to-left and zero-width characters is kept exactly", async ({
    adapter,
  }) => {
    const { a } = await tenancyWorld(adapter);
    const name = "Pingüino 🐧 \u202Eשלום\u202C\u200B";
    const workspace = expectOk(await a.as.owner.workspaces.create({ name }));
    expect(workspace.name).toBe(name);
    const campaign = expectOk(
      await a.as.owner
        .resources("campaign")
        .create({ workspaceId: workspace.id, data: { subject: name, status: "draft" } }),
    );
    expect(expectOk(await a.as.owner.resources("campaign").get(campaign.id)).data.subject).toBe(
      name,
    );
  });
});
