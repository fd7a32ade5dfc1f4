import type { Slot } from "./entry-points.js";

/** The value at `slot` of the arguments. */
export function getAt(args: readonly unknown[], slot: Slot): unknown {
  let value: unknown = args;
  for (const key of slot) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/**
 * The arguments with `value` at `slot`: containers along the path are copied,
 * the rest shared (the arguments hold functions and schemas no clone could copy).
 */
export function setAt(args: readonly unknown[], slot: Slot, value: unknown): unknown[] {
  const [head, ...rest] = slot;
  const copy = [...args];
  if (head === undefined) return copy;
  copy[head as number] = rest.length === 0 ? value : setIn(copy[head as number], rest, value);
  return copy;
}

function setIn(container: unknown, path: Slot, value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  const base =
    typeof container === "object" && container !== null
      ? Array.isArray(container)
        ? [...container]
        : { ...(container as Record<string, unknown>) }
      : {};
  const inner = (base as Record<string | number, unknown>)[key];
  Object.defineProperty(base, key, {
    value: rest.length === 0 ? value : setIn(inner, rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return base;
}
