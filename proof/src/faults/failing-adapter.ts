import { type RookeryAdapter, RookeryErrors } from "@rookery/core";
import { errAsync } from "neverthrow";

/** Counts the units of work run, and fails the one `failAt` names, as a lost connection would. */
export interface UnitFaults {
  /** Units run since the counter was last reset. */
  units: number;
  /** The unit (1-based, since the reset) that fails, unrun; null for none. */
  failAt: number | null;
}

/**
 * The adapter with one unit of work made to fail before it runs: it answers
 * UNAVAILABLE and changes nothing, as when the connection is lost before the
 * COMMIT. Moving `failAt` over every unit of a call puts a fault at each of its
 * unit boundaries in turn.
 */
export function failingAdapter(inner: RookeryAdapter, faults: UnitFaults): RookeryAdapter {
  const fails = () => {
    faults.units += 1;
    return faults.units === faults.failAt;
  };
  const lost = () => RookeryErrors.unavailable("The connection was lost (an injected fault).");
  return {
    name: `${inner.name} (failing)`,
    platform: (work, options) => (fails() ? errAsync(lost()) : inner.platform(work, options)),
    tenant: (tenantId, work, options) =>
      fails() ? errAsync(lost()) : inner.tenant(tenantId, work, options),
  };
}
