// The example of packages/core/README.md.
// #region example
import { createTenancy } from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import { z } from "zod";

const tenancy = createTenancy({
  adapter: memoryAdapter(),
  plans: { starter: { limits: { seats: 5, workspaces: 2 } } },
  resources: {
    campaign: { scope: "workspace", schema: z.strictObject({ subject: z.string() }) },
    template: { scope: "tenant", schema: z.strictObject({ html: z.string() }) },
  },
})._unsafeUnwrap();

const signup = await tenancy.platform.provisionTenant({
  name: "Penguin Corp",
  plan: "starter",
  owner: { email: "pat@penguin.example" },
});
const { owner } = signup._unsafeUnwrap();

// Everything a user does goes through their scope: role and assignments are
// re-read on every call, and the policy decides before the store is touched.
const pat = (await tenancy.as(owner.userId))._unsafeUnwrap();
const acme = (await pat.workspaces.create({ name: "Acme Client" }))._unsafeUnwrap();
const created = await pat
  .resources("campaign")
  .create({ workspaceId: acme.id, data: { subject: "Hi" } });
if (created.isErr()) console.error(created.error.code, created.error.message);

// #endregion example

export { created };
