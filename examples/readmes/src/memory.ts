// The example of packages/memory/README.md.
// #region example
import { createTenancy } from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import { z } from "zod";

const adapter = memoryAdapter();
const tenancy = createTenancy({
  adapter,
  plans: { free: { limits: { seats: 3, workspaces: 1 } } },
  resources: { note: { scope: "tenant", schema: z.strictObject({ text: z.string() }) } },
})._unsafeUnwrap();

const { owner } = (
  await tenancy.platform.provisionTenant({
    name: "Krill Inc",
    plan: "free",
    owner: { email: "kim@krill.example" },
  })
)._unsafeUnwrap();
const kim = (await tenancy.as(owner.userId))._unsafeUnwrap();
(await kim.resources("note").create({ data: { text: "hello" } }))._unsafeUnwrap();

// Between tests: keep a known state, or start again from nothing.
const seeded = adapter.snapshot();
adapter.restore(seeded);
adapter.reset();
// #endregion example
