import { type Tracer, trace } from "@opentelemetry/api";
import type { TelemetryEvent, TelemetryOptions } from "./options.js";

/** The tracer and logger hook one instrumentation uses. */
export interface Instruments {
  readonly tracer: Tracer;
  readonly log: ((event: TelemetryEvent) => void) | null;
}

export function instrumentsOf(options: TelemetryOptions): Instruments {
  return {
    // The global API's tracer delegates to whatever SDK is installed, also later.
    tracer: options.tracer ?? trace.getTracer("@rookery/telemetry"),
    log: options.log ?? null,
  };
}

/** Calls the logger hook; a logger that throws must not fail the call it reports. */
export function emit(instruments: Instruments, event: TelemetryEvent): void {
  try {
    instruments.log?.(event);
  } catch {
    // Ignored on purpose: telemetry never changes what a call answers.
  }
}
