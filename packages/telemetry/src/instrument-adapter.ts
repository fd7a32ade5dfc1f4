import type { RookeryAdapter } from "@rookery/core";
import { RookeryAttributes } from "./attributes.js";
import type { TelemetryOptions } from "./options.js";
import { traced } from "./traced.js";
import { emit, instrumentsOf } from "./tracer.js";

/**
 * The adapter with a span around every unit of work: `rookery.unit`, with
 * its kind (`tenant` or `platform`), its intent and, for a tenant unit, the
 * tenant id. Pass the result to `createTenancy`; with an instrumented
 * tenancy, each unit's span is a child of the call that ran it, and the
 * store's own spans (a pg instrumentation's) are children of the unit.
 *
 * Every other member of the adapter (its `close`, an in-memory adapter's
 * `reset`) is the adapter's own, called on the adapter itself.
 */
export function instrumentAdapter<A extends RookeryAdapter>(
  adapter: A,
  options: TelemetryOptions = {},
): A {
  const instruments = instrumentsOf(options);
  const { tracer, log } = instruments;
  const tenant: RookeryAdapter["tenant"] = (tenantId, work, unitOptions) => {
    const intent = unitOptions?.intent ?? "write";
    const attributes = {
      [RookeryAttributes.UNIT_KIND]: "tenant",
      [RookeryAttributes.UNIT_INTENT]: intent,
      [RookeryAttributes.TENANT_ID]: tenantId,
    };
    return traced(
      tracer,
      "rookery.unit",
      attributes,
      () => adapter.tenant(tenantId, work, unitOptions),
      log === null
        ? null
        : (error, durationMs) =>
            emit(instruments, {
              kind: "unit",
              unit: "tenant",
              intent,
              tenantId,
              durationMs,
              error,
            }),
    );
  };
  const platform: RookeryAdapter["platform"] = (work, unitOptions) => {
    const intent = unitOptions?.intent ?? "write";
    return traced(
      tracer,
      "rookery.unit",
      { [RookeryAttributes.UNIT_KIND]: "platform", [RookeryAttributes.UNIT_INTENT]: intent },
      () => adapter.platform(work, unitOptions),
      log === null
        ? null
        : (error, durationMs) =>
            emit(instruments, {
              kind: "unit",
              unit: "platform",
              intent,
              tenantId: null,
              durationMs,
              error,
            }),
    );
  };
  return new Proxy(adapter, {
    get(target, key) {
      if (key === "tenant") return tenant;
      if (key === "platform") return platform;
      const value: unknown = Reflect.get(target, key, target);
      // Methods run on the adapter itself, so class-based adapters keep their private state.
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
