import type { MemoryAdapter } from "@rookery/memory";
import { memoryFingerprint } from "./fingerprint.js";
import { type Expectation, invariantViolations, partitionViolations } from "./invariants.js";
import type { OracleReport } from "./postgres-oracle.js";
import { memoryState, rowCount, type StoreState } from "./state.js";

/** The in-memory adapter checked the same way, through its snapshot. */
export function memoryOracle(adapter: MemoryAdapter) {
  return {
    check: (expect: Expectation): OracleReport => {
      const { state, partitions } = memoryState(adapter);
      const tenants = new Set(state.tenants.map((t) => String(t.id)));
      return {
        violations: [
          ...partitionViolations(partitions, tenants),
          ...invariantViolations(state, expect),
        ],
        rowsChecked: rowCount(state),
      };
    },
    state: (): StoreState => memoryState(adapter).state,
    fingerprint: memoryFingerprint(adapter),
  };
}
