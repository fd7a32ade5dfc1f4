import { err, type Result } from "neverthrow";
import { type RookeryError, RookeryErrors } from "../errors.js";
import type { RookeryAdapter } from "../port/adapter.js";
import type { UnitIntent } from "../port/unit-of-work.js";
import { guardPlatformUnit } from "./platform-unit-guard.js";
import { guardTenantUnit } from "./tenant-unit-guard.js";
import type { UnitLifetime } from "./unit-guard.js";

// A registered symbol, not a module-local set: the package's two entries are
// bundled separately, and an adapter guarded through one must be seen by the other.
const GUARDED = Symbol.for("rookery.guarded-adapter");

/**
 * Wraps an adapter in the rules every adapter would otherwise repeat: handles
 * that die with their unit, no write in a read unit, no row of another tenant
 * in or out, no write to a tenant without a row, and that order of errors.
 * `createTenancy` applies it to the adapter it is given, and the conformance
 * suite to the adapter it proves, so an adapter only stores and fetches.
 * Guarding a guarded adapter returns it unchanged.
 */
export function guardAdapter(adapter: RookeryAdapter): RookeryAdapter {
  if (GUARDED in adapter) return adapter;
  const close = adapter.close;
  const wrapper: RookeryAdapter = {
    name: adapter.name,
    platform: (work, options) =>
      adapter.platform(
        (unit) => during((lifetime) => work(guardPlatformUnit(unit, writable(options), lifetime))),
        options,
      ),
    tenant: (tenantId, work, options) =>
      adapter.tenant(
        tenantId,
        (unit) =>
          unit.tenantId !== tenantId
            ? Promise.resolve(
                err(
                  RookeryErrors.isolationBreach(
                    "The adapter opened a unit for another tenant; the call was refused.",
                  ),
                ),
              )
            : during((lifetime) => work(guardTenantUnit(unit, writable(options), lifetime))),
        options,
      ),
    ...(close === undefined ? {} : { close: () => close.call(adapter) }),
  };
  Object.defineProperty(wrapper, GUARDED, { value: true });
  return wrapper;
}

const writable = (options: { readonly intent?: UnitIntent } | undefined) =>
  (options?.intent ?? "write") === "write";

/** Runs the work with a lifetime that ends, whatever happens, when the work settles. */
async function during<T>(
  body: (lifetime: UnitLifetime) => PromiseLike<Result<T, RookeryError>>,
): Promise<Result<T, RookeryError>> {
  const lifetime: UnitLifetime = { ended: false };
  try {
    return await body(lifetime);
  } finally {
    lifetime.ended = true;
  }
}
