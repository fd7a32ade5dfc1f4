import { createTenancy } from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import { instrumentAdapter, instrumentTenancy, type TelemetryEvent } from "@rookery/telemetry";
import { z } from "zod";

/** The tenancy of docs/http.md's tracing section, its log lines going to `write`. */
export function tracedTenancy(write: (line: string) => void) {
  // #region telemetry
  // Spans go to the OpenTelemetry SDK your application installs (none: no cost);
  // `log` hears every call and unit of work as it ends.
  const telemetry = {
    log: (event: TelemetryEvent) => {
      const what = event.kind === "call" ? event.name : `unit ${event.unit} ${event.intent}`;
      const outcome = event.error === null ? "ok" : event.error.code;
      write(`${what} tenant=${event.tenantId ?? "-"} ${outcome} ${event.durationMs.toFixed(1)}ms`);
    },
  };

  const tenancy = createTenancy({
    adapter: instrumentAdapter(memoryAdapter(), telemetry), // a span per unit of work
    plans: { starter: { limits: { seats: 5, workspaces: 3 } } },
    resources: {
      campaign: { scope: "workspace", schema: z.strictObject({ subject: z.string().min(1) }) },
    },
  }).map((plain) => instrumentTenancy(plain, telemetry)); // a span per call
  // #endregion telemetry
  return tenancy._unsafeUnwrap();
}
