// The example of packages/testing/README.md.
// #region example
import type { RookeryAdapter } from "@rookery/core";
import { type InspectedTable, runAdapterConformance } from "@rookery/testing";

declare function openMyAdapter(): Promise<{
  adapter: RookeryAdapter;
  rows(table: InspectedTable): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}>;

runAdapterConformance({
  name: "my-store",
  createHarness: async () => {
    const store = await openMyAdapter();
    return {
      adapter: store.adapter,
      inspect: { rows: (table) => store.rows(table) },
      cleanup: () => store.close(),
    };
  },
});
// #endregion example
