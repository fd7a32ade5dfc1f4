import { errAsync } from "neverthrow";
import type { PlatformUnit, UserLookup } from "../port/platform-unit.js";
import { PLATFORM_METHODS } from "./method-kinds.js";
import { type CallGuard, refuseCall, type UnitLifetime, wrapRepository } from "./unit-guard.js";

/** A platform unit whose handles die with the unit and whose read units cannot write. */
export function guardPlatformUnit(
  unit: PlatformUnit,
  writable: boolean,
  lifetime: UnitLifetime,
): PlatformUnit {
  const guard: CallGuard = (kind, _args, call) => {
    const refusal = refuseCall(lifetime, kind, writable);
    return refusal === null ? call() : errAsync(refusal);
  };
  const locate = unit.locate;
  return {
    tenants: wrapRepository(unit.tenants, PLATFORM_METHODS.tenants, "tenants", guard),
    users: wrapRepository(unit.users, PLATFORM_METHODS.users, "users", guard),
    claims: wrapRepository(unit.claims, PLATFORM_METHODS.claims, "claims", guard),
    events: wrapRepository(unit.events, PLATFORM_METHODS.events, "events", guard),
    ...(locate === undefined
      ? {}
      : {
          locate: (user: UserLookup) => {
            const refusal = refuseCall(lifetime, "read", writable);
            return refusal === null ? locate.call(unit, user) : errAsync(refusal);
          },
        }),
  };
}
