import { type RookeryError, RookeryErrors } from "@rookery/core";
import type { TenantTableRow } from "./tenant-tables.js";

/** A refusal, or warnings the application accepted in its stead. */
export interface Findings {
  readonly refusal: RookeryError | null;
  readonly warnings: readonly string[];
}

/**
 * The runtime role must own no tenant-aware table: an owner can switch row
 * security off (`ALTER TABLE ... NO FORCE ROW LEVEL SECURITY`), drop the
 * policy or replace the table. Nor may it TRUNCATE one, which no policy
 * covers. `allowSchemaOwner` (development only) turns ownership into a
 * warning; a TRUNCATE grant on a table it does not own is always refused.
 */
export function checkOwnership(
  tables: readonly TenantTableRow[],
  allowSchemaOwner: boolean,
): Findings {
  const owned = tables.filter((t) => t.owned).map((t) => t.name);
  const truncatable = tables.filter((t) => t.truncatable && !t.owned).map((t) => t.name);
  const ownership =
    owned.length === 0
      ? null
      : `the connected role owns tenant-aware tables (${owned.join(", ")}), so its SQL can switch their row security off or TRUNCATE them`;
  if (truncatable.length > 0) {
    return {
      refusal: RookeryErrors.configuration(
        `Refusing to start: the connected role may TRUNCATE tenant-aware tables (${truncatable.join(", ")}), which no row-level policy covers. Revoke TRUNCATE from it.`,
      ),
      warnings: [],
    };
  }
  if (ownership === null) return { refusal: null, warnings: [] };
  if (allowSchemaOwner) return { refusal: null, warnings: [`${ownership} (allowSchemaOwner).`] };
  return {
    refusal: RookeryErrors.configuration(
      `Refusing to start: ${ownership}. Migrate as an owner role and connect as a runtime role with data privileges only (migrate({ runtimeRole }) grants them), or pass allowSchemaOwner: true in development.`,
    ),
    warnings: [],
  };
}
