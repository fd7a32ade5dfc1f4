// The public surface of @rookery/memory, listed by name.

export { type MemoryAdapter, memoryAdapter } from "./memory-adapter.js";
export type { MemorySnapshot } from "./snapshot.js";
