/**
 * OpenTelemetry spans and a logger hook for every service call
 * (`instrumentTenancy`) and unit of work (`instrumentAdapter`).
 *
 * @packageDocumentation
 * @module @rookery/telemetry
 */

// The public surface of @rookery/telemetry, listed by name.

export { RookeryAttributes } from "./attributes.js";
export { instrumentAdapter } from "./instrument-adapter.js";
export { instrumentTenancy } from "./instrument-tenancy.js";
export type { CallEvent, TelemetryEvent, TelemetryOptions, UnitEvent } from "./options.js";
