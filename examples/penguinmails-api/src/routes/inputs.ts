import { unwrap } from "@rookery/hono";
import { parseInput } from "@rookery/http";
import type { Context } from "hono";
import { z } from "zod";

const Page = z.strictObject({
  after: z.string().max(64).optional(),
  limit: z.coerce.number().int().optional(),
});

/**
 * The page a list route was asked for, from `?after=&limit=`; unknown query
 * keys are refused (VALIDATION), as unknown body keys are. Rookery checks the
 * values themselves (an id, a limit between 1 and 500).
 */
export function pageQuery<S extends Record<string, z.ZodType> = Record<never, never>>(
  c: Context,
  extra?: S,
): PageQuery & { [K in keyof S]?: z.output<S[K]> } {
  const optional = Object.entries(extra ?? {}).map(([key, value]) => [key, value.optional()]);
  const schema = Page.extend(Object.fromEntries(optional));
  const parsed: Record<string, unknown> = unwrap(parseInput(schema, c.req.query()));
  // Absent keys stay absent: Rookery's inputs take no `undefined` values.
  return Object.fromEntries(
    Object.entries(parsed).filter(([, value]) => value !== undefined),
  ) as PageQuery & { [K in keyof S]?: z.output<S[K]> };
}

interface PageQuery {
  readonly after?: string;
  readonly limit?: number;
}

/**
 * A JSON object body handed to Rookery as it came: core parses every input
 * itself (unknown keys refused, every field checked against the app's
 * schemas), so a route re-parsing it would only risk disagreeing. In
 * particular, a settings patch must not be filled with the schema's defaults.
 */
export const JsonObject = z.record(z.string(), z.unknown());
