import { errAsync, type ResultAsync } from "neverthrow";
import { type RookeryError, RookeryErrors } from "../errors.js";
import type { MethodKind, MethodKinds } from "./method-kinds.js";

type Async<T> = ResultAsync<T, RookeryError>;
type AnyMethod = (...args: unknown[]) => Async<unknown>;

/** Whether the unit a handle belongs to is still running. */
export interface UnitLifetime {
  ended: boolean;
}

/**
 * Decides one call of a unit's repository method: refuse it, or run `call`
 * (and check what it answers).
 */
export type CallGuard = (
  kind: MethodKind,
  args: readonly unknown[],
  call: () => Async<unknown>,
) => Async<unknown>;

/**
 * A repository whose every method, named by `kinds`, goes through `guard`.
 * Methods are looked up by name and called on the adapter's own object, so a
 * repository built as a class instance keeps its prototype methods and `this`.
 */
export function wrapRepository<R>(
  repository: R,
  kinds: MethodKinds<R>,
  repositoryName: string,
  guard: CallGuard,
): R {
  const source = repository as Record<string, unknown>;
  const wrapped: Record<string, AnyMethod> = {};
  for (const name of Object.keys(kinds)) {
    const kind = kinds[name as keyof R];
    wrapped[name] = (...args) =>
      guard(kind, args, () =>
        typeof source[name] === "function"
          ? (source[name] as AnyMethod).call(repository, ...args)
          : errAsync(
              RookeryErrors.internal(
                `The adapter's ${repositoryName} repository has no ${name} method.`,
              ),
            ),
      );
  }
  return wrapped as R;
}

/** The refusals every unit applies before the store is reached. */
export function refuseCall(
  lifetime: UnitLifetime,
  kind: MethodKind,
  writable: boolean,
): RookeryError | null {
  if (lifetime.ended) {
    return RookeryErrors.internal(
      "This unit of work has ended: a handle kept from it cannot be used, and nothing was sent to the store.",
    );
  }
  if (kind === "write" && !writable) {
    return RookeryErrors.internal("A read unit of work tried to write.");
  }
  return null;
}
