import { AsyncLocalStorage } from "node:async_hooks";
import { err, ok, type Result } from "neverthrow";
import { type RookeryError, RookeryErrors } from "../errors.js";

/**
 * An optional convenience for frameworks that cannot pass the scope down
 * explicitly: `run` binds a scope to an async call tree, `current` reads it.
 * Explicit passing remains the primary way; this only carries the same value.
 */
export interface ScopeContext<S> {
  run<T>(scope: S, body: () => T): T;
  /** NO_TENANT_CONTEXT outside `run`: code that needs a tenant fails closed. */
  current(): Result<S, RookeryError>;
}

export function scopeContext<S>(): ScopeContext<S> {
  const storage = new AsyncLocalStorage<S>();
  return {
    run: (scope, body) => storage.run(scope, body),
    current: () => {
      const scope = storage.getStore();
      return scope === undefined
        ? err(
            RookeryErrors.noTenantContext(
              "No scope is bound: call this inside tenancy.context.run(scope, ...).",
            ),
          )
        : ok(scope);
    },
  };
}
