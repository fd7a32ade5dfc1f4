import pg from "pg";

const TIMESTAMPTZ = 1184;
const defaults = pg.types;

/**
 * How Rookery's own statements read their values: `pg`'s default parsers,
 * except that an instant (`timestamptz`) becomes the ISO string the model
 * holds. In the text PostgreSQL sends at UTC ("2026-11-29 21:00:00.123456+00")
 * that is a rearrangement of characters, with no Date and no regular
 * expression; any other form (another time zone, a year past 9999, BC,
 * infinity) goes through `pg`'s parser. Milliseconds are cut, not rounded,
 * as a Date cuts them. A text neither reads (a DateStyle other than ISO,
 * which the start-up check refuses) throws, and `pg` fails the statement.
 * The application's own SQL keeps its client's parsers.
 */
export const OWN_TYPES = {
  getTypeParser(oid: number, format?: "text" | "binary"): (value: string) => unknown {
    if (oid === TIMESTAMPTZ && format !== "binary") return instant;
    return format === undefined ? defaults.getTypeParser(oid) : defaults.getTypeParser(oid, format);
  },
};

const parseTimestamptz = defaults.getTypeParser(TIMESTAMPTZ) as (value: string) => unknown;

export function instant(text: string): unknown {
  const n = text.length;
  if (
    n >= 22 &&
    text.charCodeAt(4) === 45 && // "-": a four-digit year
    text.charCodeAt(10) === 32 && // " " between date and time
    text.endsWith("+00") &&
    (n === 22 || text.charCodeAt(19) === 46) // no fraction, or "." and its digits
  ) {
    const millis = n === 22 ? "000" : `${text.slice(20, n - 3)}00`.slice(0, 3);
    return `${text.slice(0, 10)}T${text.slice(11, 19)}.${millis}Z`;
  }
  const parsed = parseTimestamptz(text);
  if (parsed instanceof Date && !Number.isNaN(parsed.getTime())) return parsed.toISOString();
  if (parsed === Number.POSITIVE_INFINITY || parsed === Number.NEGATIVE_INFINITY) return parsed;
  // Never a silent null where the model holds an instant: the statement fails, and its unit with it.
  throw new Error(
    `Rookery cannot read the timestamp "${text}": the connection's DateStyle must be ISO.`,
  );
}
