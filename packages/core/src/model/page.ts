import { z } from "zod";
import { AnyId } from "../ids.js";

/**
 * Keyset pagination: items come in ascending id order (ids are time-ordered
 * UUIDs), and `after` is the last id of the previous page.
 */
export const PageRequest = z.strictObject({
  // In lower case, as every id: a page after an upper-case spelling is the same page everywhere.
  after: AnyId.optional(),
  limit: z.number().int().min(1).max(500).default(50),
});
export type PageRequest = z.input<typeof PageRequest>;
/** A page request after parsing: what repositories receive. */
export type PageQuery = z.output<typeof PageRequest>;

/**
 * One page of a list: `next` is the key to pass as `after` for the following page, null on the
 * last.
 */
export interface Page<T> {
  readonly items: readonly T[];
  /** Pass as `after` to get the next page; null when no row follows this page. */
  readonly next: string | null;
}
