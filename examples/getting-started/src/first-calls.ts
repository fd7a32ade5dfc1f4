import { memoryAdapter } from "@rookery/memory";
import { ok, safeTry } from "neverthrow";
import { appTenancy } from "./tenancy.js";

/** The first calls of docs/getting-started.md, on the in-memory adapter; returns what they made. */
export function firstCalls() {
  return safeTry(async function* () {
    // #region provision
    const tenancy = yield* appTenancy(memoryAdapter());

    // A company signs up: its tenant, its owner and the plan's subscription, in one call.
    const penguin = yield* tenancy.platform.provisionTenant({
      name: "Penguin Corp",
      plan: "starter",
      owner: { email: "pat@penguin.example", name: "Pat" },
    });
    const krill = yield* tenancy.platform.provisionTenant({
      name: "Krill Inc",
      plan: "starter",
      owner: { email: "kim@krill.example", name: "Kim" },
    });
    // #endregion provision

    // #region scoped-call
    // Everything a user does goes through their scope. `as` finds the user's one tenant;
    // every call re-reads their role, asks the policy, then runs in that tenant only.
    const pat = yield* tenancy.as(penguin.owner.userId);
    const acme = yield* pat.workspaces.create({ name: "Acme Client" });
    const campaign = yield* pat.resources("campaign").create({
      workspaceId: acme.id,
      data: { subject: "Spring sale" },
    });

    const kim = yield* tenancy.as(krill.owner.userId);
    const peek = await kim.resources("campaign").get(campaign.id);
    // Err NOT_FOUND: another tenant's id answers exactly as an id that was never used.
    const invalid = await pat.resources("campaign").create({
      workspaceId: acme.id,
      data: { subject: "" }, // the types check the shape; the schema checks the rest
    });
    // Err VALIDATION, with an issue naming `subject`: too short.
    // #endregion scoped-call

    return ok({ tenancy, penguin, krill, acme, campaign, peek, invalid });
  });
}
