import { type RookeryError, RookeryErrors } from "@rookery/core";
import type { PoolClient } from "pg";

/**
 * The refusal of a connection whose `DateStyle` is not ISO, or null. Rookery
 * (and `pg`) read dates and instants in the ISO style: in any other, a
 * timestamp would not read as the instant it is. A database or role default,
 * or a pool's start-up options, can set it; the connection checked is one
 * of the pool's own.
 */
export async function checkDateStyle(client: PoolClient): Promise<RookeryError | null> {
  const { rows } = await client.query<{ style: string }>(
    "SELECT pg_catalog.current_setting('DateStyle') AS style",
  );
  const style = rows[0]?.style ?? "";
  return /^ISO\b/i.test(style)
    ? null
    : RookeryErrors.configuration(
        `The connection's DateStyle is "${style}"; Rookery reads timestamps in the ISO style. Set it for the database or the role (ALTER DATABASE … SET datestyle = 'ISO, MDY'), or remove it from the pool's connection options.`,
      );
}
