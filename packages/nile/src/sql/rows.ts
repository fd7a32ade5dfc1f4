import type { Page, RookeryError } from "@rookery/core";
import type { PageQuery } from "@rookery/core/adapter";
import type { ResultAsync } from "neverthrow";

export type Async<T> = ResultAsync<T, RookeryError>;

/**
 * A row as the model wants it. The SELECT lists already alias columns to the
 * model's camelCase names, and Rookery's statements read instants as ISO
 * strings (`OWN_TYPES`); a Date that still arrives (a client that ignores
 * per-query parsers) is turned into one here. The row is `pg`'s own fresh
 * object, so it is changed in place.
 */
export function modelRow<T>(row: Record<string, unknown>): T {
  for (const key in row) {
    const value = row[key];
    if (value instanceof Date) row[key] = value.toISOString();
  }
  return row as T;
}

export const modelRows = <T>(rows: readonly Record<string, unknown>[]): T[] =>
  rows.map((row) => modelRow<T>(row));

/** The first row as a model row, or null. */
export const firstOrNull = <T>(rows: readonly Record<string, unknown>[]): T | null => {
  const [row] = rows;
  return row === undefined ? null : modelRow<T>(row);
};

/**
 * A keyset page from rows fetched with `LIMIT limit + 1`: the extra row only
 * tells that more exist, and `next` is then the last id of this page.
 */
export function toPage<T>(
  rows: readonly Record<string, unknown>[],
  query: PageQuery,
  key: (row: T) => string,
): Page<T> {
  const items = modelRows<T>(rows.slice(0, query.limit));
  const last = items.at(-1);
  return { items, next: rows.length > query.limit && last !== undefined ? key(last) : null };
}

/** JSON for a `jsonb` parameter: `pg` would turn a top-level array into a PostgreSQL array. */
export const json = (value: unknown): string => JSON.stringify(value);

/** An ISO timestamp into a `timestamp` (UTC) column of the NileDB built-in tables. */
export const UTC = (param: string) => `(${param}::timestamptz AT TIME ZONE 'UTC')`;
/** A `timestamp` (UTC) column of a built-in table, read back as an instant. */
export const AS_INSTANT = (column: string, alias: string) =>
  `(${column} AT TIME ZONE 'UTC') AS "${alias}"`;
