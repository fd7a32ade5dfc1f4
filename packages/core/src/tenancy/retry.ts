import { type Result, ResultAsync } from "neverthrow";
import type { RookeryError } from "../errors.js";

/**
 * Runs an idempotent step of a multi-unit change again while the store
 * answers UNAVAILABLE, up to `attempts` times. The steps that settle a claim
 * after a membership changed run in units of their own (shared data and a
 * tenant's cannot share one on NileDB): a connection lost between them must
 * not leave the person claimed without a membership, or the other way round.
 * A pool replaces a lost connection at once, so no pause is needed.
 */
export function retryUnavailable<T>(
  step: () => PromiseLike<Result<T, RookeryError>>,
  attempts = 3,
): ResultAsync<T, RookeryError> {
  return new ResultAsync(
    (async () => {
      let result = await step();
      for (let tried = 1; tried < attempts && isUnavailable(result); tried += 1) {
        result = await step();
      }
      return result;
    })(),
  );
}

const isUnavailable = <T>(result: Result<T, RookeryError>) =>
  result.isErr() && result.error.code === "UNAVAILABLE";
