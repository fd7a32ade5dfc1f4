import type { Tracer } from "@opentelemetry/api";
import type { RookeryError, UnitIntent } from "@rookery/core";

/** One service call (`scope.members.add`, `platform.provisionTenant`, `tenancy.as`) that ended. */
export interface CallEvent {
  readonly kind: "call";
  readonly name: string;
  /** The scope's tenant; for `tenancy.as`, the tenant found; null for platform calls. */
  readonly tenantId: string | null;
  readonly userId: string | null;
  readonly durationMs: number;
  /** The error the call answered, with its `cause` and trace; null when it succeeded. */
  readonly error: RookeryError | null;
}

/** One unit of work (one transaction on a SQL store) that ended. */
export interface UnitEvent {
  readonly kind: "unit";
  readonly unit: "tenant" | "platform";
  readonly intent: UnitIntent;
  /** The unit's tenant; null for a platform unit. */
  readonly tenantId: string | null;
  readonly durationMs: number;
  readonly error: RookeryError | null;
}

/** What the logger hook hears: a call or a unit of work, as it ends. */
export type TelemetryEvent = CallEvent | UnitEvent;

/** The tracer to use (the global provider's by default) and an optional logger hook. */
export interface TelemetryOptions {
  /**
   * The tracer spans are made with. By default the global provider's tracer
   * `@rookery/telemetry`: silent until the application installs an SDK.
   */
  readonly tracer?: Tracer;
  /**
   * Called once for every call and every unit of work, when it ends: plug in
   * your logger. Not called, and nothing is timed for it, when absent.
   */
  readonly log?: (event: TelemetryEvent) => void;
}
