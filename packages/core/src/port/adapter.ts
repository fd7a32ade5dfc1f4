import type { ResultAsync } from "neverthrow";
import type { RookeryError } from "../errors.js";
import type { UnitOfWorkRunner } from "./unit-of-work.js";

/**
 * What a store implements to host Rookery. Adapters only store and fetch:
 * validation, ids, time, policy and audit are done once, in core.
 *
 * Adapters are made by factory functions over a client the caller owns
 * (`memoryAdapter()`, `nileAdapter({ pool })`) and must pass the conformance
 * suite of `@rookery/testing`.
 */
export interface RookeryAdapter extends UnitOfWorkRunner {
  /** A short name for logs and test titles, such as `memory` or `nile`. */
  readonly name: string;
  /**
   * Optional. Releases what the adapter opened itself. It MUST NOT close a
   * client the caller passed in. Idempotent.
   */
  close?(): ResultAsync<void, RookeryError>;
}
