import { type RookeryError, RookeryErrors } from "@rookery/core";
import { errAsync, okAsync, type ResultAsync } from "neverthrow";

export type Async<T> = ResultAsync<T, RookeryError>;

export const ok = <T>(value: T): Async<T> => okAsync(value);
export const fail = <T = never>(error: RookeryError): Async<T> => errAsync(error);

/** Refuses a write in a read unit, as a read-only transaction would. */
export function whenWritable<T>(writable: boolean, write: () => Async<T>): Async<T> {
  return writable ? write() : fail(RookeryErrors.internal("A read unit of work tried to write."));
}
