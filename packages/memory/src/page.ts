import type { Page } from "@rookery/core";
import type { PageQuery } from "@rookery/core/adapter";

/**
 * Keyset pagination over rows sorted by `key` ascending: the rows after
 * `query.after`, at most `query.limit` of them.
 */
export function paginate<Row>(
  rows: Iterable<Row>,
  key: (row: Row) => string,
  query: PageQuery,
): Page<Row> {
  const after = query.after;
  const sorted = [...rows]
    .filter((row) => after === undefined || key(row) > after)
    .sort((a, b) => compare(key(a), key(b)));
  const items = sorted.slice(0, query.limit);
  const last = items.at(-1);
  const next = sorted.length > query.limit && last !== undefined ? key(last) : null;
  return { items, next };
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
