import type { QueryConfig } from "pg";

/** A statement `pg` sends with the extended protocol whether or not it has values. */
export interface ExtendedQuery extends QueryConfig {
  readonly queryMode: "extended";
}

/**
 * How one statement of the application's own SQL is handed to `pg`: in the
 * extended protocol, where the server refuses a string of several statements.
 * Without `queryMode`, `pg` sends a statement that has no values with the
 * simple protocol, which runs every statement of the string, so one call
 * could end the unit's transaction and go on outside it. `pg` honours
 * `queryMode` from 8.12 on; the start-up check refuses a client that does not.
 */
export function applicationQuery(text: string, values: readonly unknown[]): ExtendedQuery {
  return { text, values: [...values], queryMode: "extended" };
}
