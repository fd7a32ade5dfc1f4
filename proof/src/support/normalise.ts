import type { Result } from "neverthrow";

/**
 * What two adapters' answers are compared as. The answers are data, so they
 * are compared by value, with exactly these liberties, each a property of
 * JSON rather than of an adapter:
 * - object keys in sorted order: a JSON object is unordered, and PostgreSQL's
 *   jsonb gives keys back in its own order;
 * - a key whose value is `undefined` is the same as a missing key (JSON has no
 *   `undefined`);
 * - `-0` is `0` (JSON cannot tell them apart);
 * - a `Set` (an actor's `workspaceIds`) is its sorted elements: a set has no order;
 * - an invitation's `token` and its stored `secretHash` are random by design (a secret that
 *   two stores share is no secret): they are compared by their shape only.
 * Arrays keep their order: lists and pages are ordered by contract. An error
 * keeps every enumerable field, message included; `cause` is not enumerable,
 * so a driver's exception never takes part.
 */
function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === "number") return Object.is(value, -0) ? 0 : value;
  if (typeof value !== "object") return value;
  if (value instanceof Set) return [...value].map(normalise).sort(byJson);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalise);
  const entries = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => [key, normaliseField(key, (value as Record<string, unknown>)[key])]);
  return Object.fromEntries(entries);
}

function normaliseField(key: string, value: unknown): unknown {
  if (key === "token" && typeof value === "string" && value.startsWith("rki_")) return "rki_…";
  if (key === "secretHash" && typeof value === "string" && /^[0-9a-f]{64}$/.test(value)) {
    return "sha256:…";
  }
  return normalise(value);
}

function byJson(a: unknown, b: unknown): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A result as compared: `{ ok }` or `{ err }`, normalised. */
export function normaliseResult(result: Result<unknown, unknown>): unknown {
  return result.isOk() ? { ok: normalise(result.value) } : { err: normalise(result.error) };
}

/** One canonical text per value, for comparing and for printing a difference. */
export function canonical(value: unknown): string {
  return JSON.stringify(normalise(value));
}
