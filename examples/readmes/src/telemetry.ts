// The example of packages/telemetry/README.md.
// #region example
import { createTenancy } from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import { instrumentAdapter, instrumentTenancy, type TelemetryOptions } from "@rookery/telemetry";
import { z } from "zod";

const telemetry: TelemetryOptions = {
  // Optional: one event per call and per unit of work, for your logger.
  log: (event) => {
    if (event.error !== null) console.warn(event.kind, event.tenantId, event.error.code);
  },
};

const tenancy = createTenancy({
  // Units of work: a span each, child of the call that ran it.
  adapter: instrumentAdapter(memoryAdapter(), telemetry),
  plans: { starter: { limits: { seats: 5, workspaces: 2 } } },
  resources: { note: { scope: "tenant", schema: z.strictObject({ text: z.string() }) } },
})
  // Calls: a span each, named as the code writes it.
  .map((plain) => instrumentTenancy(plain, telemetry))
  ._unsafeUnwrap();

export { tenancy };
// #endregion example
