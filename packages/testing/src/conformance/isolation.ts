import { defineGroup } from "./group.js";
import { registerIsolatedReadTests } from "./isolation-reads.js";
import { registerIsolatedWriteTests } from "./isolation-writes.js";

/** Tenants A and B that look alike stay apart, whatever ids a unit passes. */
export const isolationGroup = defineGroup("isolation", (test) => {
  registerIsolatedReadTests(test);
  registerIsolatedWriteTests(test);
});
