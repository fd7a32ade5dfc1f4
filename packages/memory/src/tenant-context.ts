import type { TenantId } from "@rookery/core";
import type { TenantTables } from "./state.js";
import type { Draft } from "./tables.js";

/** What every repository of one tenant unit shares: its tenant and its draft of the partition. */
export interface TenantContext {
  readonly tenantId: TenantId;
  readonly draft: Draft<TenantTables>;
}
