import type { EntityName, ErrorCode, RookeryError } from "@rookery/core";
import type { Result } from "neverthrow";

/**
 * The value of an `Ok`, or a thrown Error naming the unexpected error, so a
 * failing test says what went wrong instead of "expected true to be false".
 */
export function expectOk<T, E>(result: Result<T, E>, context = "the call"): T {
  if (result.isErr()) {
    throw new Error(`Expected ${context} to succeed, but it failed with ${describe(result.error)}`);
  }
  return result.value;
}

/**
 * The error of an `Err` with the expected `code` (and `entity`, when given), or
 * a thrown Error saying what came back instead.
 */
export function expectErr<T>(
  result: Result<T, RookeryError>,
  code: ErrorCode,
  entity?: EntityName,
  context = "the call",
): RookeryError {
  if (result.isOk()) {
    throw new Error(
      `Expected ${context} to fail with ${code}, but it succeeded with ${show(result.value)}`,
    );
  }
  const error = result.error;
  const actualEntity = "entity" in error ? error.entity : undefined;
  if (error.code !== code || (entity !== undefined && actualEntity !== entity)) {
    const expected = entity === undefined ? code : `${code} (${entity})`;
    throw new Error(
      `Expected ${context} to fail with ${expected}, but it failed with ${describe(error)}`,
    );
  }
  return error;
}

function describe(error: unknown): string {
  if (typeof error === "object" && error !== null && "code" in error) {
    const { code, message } = error as { code: unknown; message?: unknown };
    const entity = "entity" in error ? ` (${String(error.entity)})` : "";
    return `${String(code)}${entity}: ${String(message)}`;
  }
  return show(error);
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
