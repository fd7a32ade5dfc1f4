import { err, errAsync, ok, type Result, type ResultAsync } from "neverthrow";
import { type RookeryError, RookeryErrors } from "../errors.js";
import type { TenantId } from "../ids.js";
import type { RookeryAdapter } from "../port/adapter.js";
import type { TenantUnit } from "../port/tenant-unit.js";

/**
 * Wraps an adapter so that core, not only the adapter, checks tenant
 * isolation on every repository call of a tenant unit: a row handed in for
 * another tenant is refused before the store sees it, and a row the store
 * hands back for another tenant is refused before the services see it. An
 * adapter bug then fails closed (INVARIANT) instead of leaking.
 */
export function guardIsolation(adapter: RookeryAdapter): RookeryAdapter {
  return {
    ...adapter,
    tenant: (tenantId, work, options) =>
      adapter.tenant(tenantId, (unit) => work(guardUnit(unit, tenantId)), options),
  };
}

function guardUnit(unit: TenantUnit, tenantId: TenantId): TenantUnit {
  const guarded: Record<string, unknown> = { tenantId: unit.tenantId };
  for (const [name, member] of Object.entries(unit)) {
    if (name === "tenantId") continue;
    if (name === "tenant") {
      // The tenant row names its tenant by `id`: it must be the unit's own.
      guarded[name] = {
        get: () => unit.tenant.get().andThen((row) => checkOwnTenant(row, tenantId)),
      };
      continue;
    }
    guarded[name] =
      typeof member === "function"
        ? guardCall(member.bind(unit), tenantId)
        : guardRepository(member as Record<string, unknown>, tenantId);
  }
  return guarded as unknown as TenantUnit;
}

function guardRepository(repository: Record<string, unknown>, tenantId: TenantId) {
  const guarded: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(repository)) {
    guarded[name] =
      typeof method === "function" ? guardCall(method.bind(repository), tenantId) : method;
  }
  return guarded;
}

type AnyCall = (...args: unknown[]) => ResultAsync<unknown, RookeryError>;

function guardCall(call: AnyCall, tenantId: TenantId): AnyCall {
  return (...args) => {
    if (args.some((arg) => ownedByOther(arg, tenantId))) {
      return errAsync(
        RookeryErrors.isolationBreach(
          "A row for another tenant was passed to this tenant's unit of work.",
        ),
      );
    }
    return call(...args).andThen((value) => checkReturned(value, tenantId));
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

function checkOwnTenant<T extends { readonly id: string } | null>(
  row: T,
  tenantId: TenantId,
): Result<T, RookeryError> {
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
