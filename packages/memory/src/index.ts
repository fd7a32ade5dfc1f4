/**
 * The in-memory adapter (`memoryAdapter`), for tests and demos, with
 * `snapshot`, `restore` and `reset` for test suites.
 *
 * @packageDocumentation
 * @module @rookery/memory
 */

// The public surface of @rookery/memory, listed by name.

export { type MemoryAdapter, memoryAdapter } from "./memory-adapter.js";
export type { MemorySnapshot } from "./snapshot.js";
