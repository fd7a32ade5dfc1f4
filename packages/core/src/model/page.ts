import { z } from "zod";

/**
 * Keyset pagination: items come in ascending id order (ids are time-ordered
 * UUIDs), and `after` is the last id of the previous page.
 */
export const PageRequest = z.strictObject({
  after: z.uuid().optional(),
  limit: z.number().int().min(1).max(500).default(50),
});
export type PageRequest = z.input<typeof PageRequest>;
/** A page request after parsing: what repositories receive. */
export type PageQuery = z.output<typeof PageRequest>;

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass as `after` to get the next page; null when no row follows this page. */
  readonly next: string | null;
}
