import { err, errAsync, ok, type Result, ResultAsync } from "neverthrow";
import { type RookeryError, RookeryErrors } from "../errors.js";
import type { TenantId, UserId } from "../ids.js";
import type { Tenant } from "../model/tenant.js";
import type { TenantUnit } from "../port/tenant-unit.js";
import { lazyTenantUnit } from "./lazy-tenant-unit.js";
import { TENANT_METHODS } from "./method-kinds.js";
import { type CallGuard, refuseCall, type UnitLifetime, wrapRepository } from "./unit-guard.js";

type Async<T> = ResultAsync<T, RookeryError>;

/**
 * A tenant unit with every rule that is not about storage applied in core,
 * in this order, before the store is reached:
 * 1. a handle used after its unit ended is refused (INTERNAL);
 * 2. a write in a read unit is refused (INTERNAL);
 * 3. a row naming another tenant is refused (ISOLATION_BREACH);
 * 4. a write to a tenant that has no row is refused (NOT_FOUND `tenant`).
 * Then the adapter answers (its own NOT_FOUND, then CONFLICT), and a row of
 * another tenant in its answer is refused too (ISOLATION_BREACH), so an
 * adapter bug fails closed instead of leaking.
 */
export function guardTenantUnit(
  unit: TenantUnit,
  writable: boolean,
  lifetime: UnitLifetime,
): TenantUnit {
  const tenantId = unit.tenantId;
  const tenantRow = memoised(() =>
    unit.tenant.get().andThen((row) => checkOwnTenant(row, tenantId)),
  );
  const ownTenant = tenantRow.read;
  const existingTenant = () =>
    ownTenant().andThen((row) =>
      row === null ? errAsync(RookeryErrors.notFound("tenant")) : ok(row),
    );
  const guard: CallGuard = (kind, args, call) => {
    const refusal =
      refuseCall(lifetime, kind, writable) ??
      (args.some((arg) => ownedByOther(arg, tenantId)) ? breachIn : null);
    if (refusal !== null) return errAsync(refusal);
    const answer = kind === "write" ? existingTenant().andThen(call) : call();
    return answer.andThen((value) => checkReturned(value, tenantId));
  };
  const query = unit.query;
  const actor = unit.actor;
  // Each repository is wrapped on first use: a call reaches two or three of the eight.
  return lazyTenantUnit(
    {
      tenantId,
      tenant: {
        get: () => {
          const refusal = refuseCall(lifetime, "read", writable);
          return refusal === null ? ownTenant() : errAsync(refusal);
        },
      },
      purge: () => guard("write", [], () => unit.purge()) as ReturnType<TenantUnit["purge"]>,
      ...(actor === undefined
        ? {}
        : {
            actor: (userId: UserId) => {
              const refusal = refuseCall(lifetime, "read", writable);
              if (refusal !== null) return errAsync(refusal);
              return actor.call(unit, userId).andThen((record) =>
                checkOwnTenant(record.tenant, tenantId).map(() => {
                  // The actor's read carries the tenant row: later writes need no read of their own.
                  tenantRow.remember(record.tenant);
                  return record;
                }),
              );
            },
          }),
      // The application's own SQL: its rows are its own business, but the handle dies with the unit.
      ...(query === undefined
        ? {}
        : {
            query: (text: string, values: readonly unknown[]) => {
              const refusal = refuseCall(lifetime, "read", writable);
              return refusal === null ? query.call(unit, text, values) : errAsync(refusal);
            },
          }),
    },
    (name) => wrapRepository(unit[name], TENANT_METHODS[name], name, guard),
  );
}

const breachIn = RookeryErrors.isolationBreach(
  "A row for another tenant was passed to this tenant's unit of work; the call was refused.",
);

/**
 * The tenant row, read once per unit: the services read it for every call
 * (the tenant's status, with the actor), so the write rule above costs no
 * statement of its own. A failed read is not kept, so a later call reads again.
 */
function memoised(fetch: () => Async<Tenant | null>) {
  let kept: Promise<Result<Tenant | null, RookeryError>> | null = null;
  return {
    read: (): Async<Tenant | null> => {
      if (kept === null) {
        const attempt = Promise.resolve(fetch());
        kept = attempt;
        void attempt.then((result) => {
          if (result.isErr() && kept === attempt) kept = null;
        });
      }
      return new ResultAsync(kept);
    },
    remember: (row: Tenant | null) => {
      kept ??= Promise.resolve(ok(row));
    },
  };
}

function checkReturned(value: unknown, tenantId: TenantId): Result<unknown, RookeryError> {
  const rows = isPage(value) ? value.items : Array.isArray(value) ? value : [value];
  return rows.some((row) => ownedByOther(row, tenantId))
    ? err(
        RookeryErrors.isolationBreach(
          "The store returned a row of another tenant; the call was refused.",
        ),
      )
    : ok(value);
}

function checkOwnTenant(
  row: Tenant | null,
  tenantId: TenantId,
): Result<Tenant | null, RookeryError> {
  return row !== null && row.id !== tenantId
    ? err(
        RookeryErrors.isolationBreach(
          "The store returned another tenant's row; the call was refused.",
        ),
      )
    : ok(row);
}

function ownedByOther(value: unknown, tenantId: TenantId): boolean {
  if (typeof value !== "object" || value === null || !("tenantId" in value)) return false;
  return (value as { tenantId: unknown }).tenantId !== tenantId;
}

function isPage(value: unknown): value is { items: readonly unknown[] } {
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as { items?: unknown }).items)
  );
}
