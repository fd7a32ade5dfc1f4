import type { RookeryError } from "@rookery/core";
import { errAsync, okAsync, type ResultAsync } from "neverthrow";

export type Async<T> = ResultAsync<T, RookeryError>;

export const ok = <T>(value: T): Async<T> => okAsync(value);
export const fail = <T = never>(error: RookeryError): Async<T> => errAsync(error);
