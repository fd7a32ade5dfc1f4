import type { QueryConfig } from "pg";
import { OWN_TYPES } from "./own-types.js";
import { statementName } from "./statement-names.js";

type Fixed = Pick<QueryConfig, "name" | "text" | "types">;

const prepared = new Map<string, Fixed>();
const unprepared = new Map<string, Fixed>();

/**
 * The config `pg` gets for one of Rookery's own statements, values apart
 * (they go as `query()`'s second argument). What is fixed for the text, its
 * name, the text and the parsers, sits on a prototype made once per text; the
 * object handed over has no property of its own. `pg` copies a config's own
 * property descriptors for every query it makes, which costs about ten times
 * as much as the rest of making the query when the config carries them
 * itself; a prototype is kept by that copy, so the statement reads the same.
 */
export function ownConfig(text: string, prepare: boolean): QueryConfig {
  const cache = prepare ? prepared : unprepared;
  let fixed = cache.get(text);
  if (fixed === undefined) {
    fixed = prepare
      ? { name: statementName(text), text, types: OWN_TYPES }
      : { text, types: OWN_TYPES };
    cache.set(text, fixed);
  }
  // A fresh object per query: a `pg` that sets the values on the config it is given sets them here.
  return Object.create(fixed) as QueryConfig;
}
