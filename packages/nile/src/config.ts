import type { Pool } from "pg";
import { z } from "zod";

/** Anything that checks out clients like a `pg.Pool` (a `Pool`, or NileDB's `nile.db`). */
export const poolSchema = z.custom<Pool>(
  (value) =>
    typeof value === "object" &&
    value !== null &&
    typeof (value as { connect?: unknown }).connect === "function" &&
    typeof (value as { query?: unknown }).query === "function",
  { error: "must be a pg.Pool" },
);

/**
 * The part of a `Server` from `@niledatabase/server` the adapter uses: its
 * context-free pool `db`. Checked without reading `db`, since reading it
 * makes the SDK open a pool.
 */
export interface NileServerLike {
  readonly db: Pool;
}

const nileSchema = z.custom<NileServerLike>(
  (value) => typeof value === "object" && value !== null && "db" in value,
  { error: "must be a Server from @niledatabase/server" },
);

const mode = z.enum(["nile", "postgres"]);

/** Options both sources share: how strict the start-up check is and how often it runs. */
const checkOptions = {
  /**
   * Development only: let the connected role own tenant-aware tables (one
   * role that migrates and runs). Its SQL could then switch row security off;
   * the start-up check warns instead of refusing.
   */
  allowSchemaOwner: z.boolean().default(false),
  /**
   * How old the last start-up check may grow before units trigger a new one
   * in the background (milliseconds, default one minute), so a table created
   * or altered later is caught without a restart. 0 checks after every unit.
   */
  recheckEveryMs: z.number().int().nonnegative().default(60_000),
  /**
   * Receives what the start-up check found worth a look but not a refusal,
   * once per finding. Default: `process.emitWarning`.
   */
  onWarning: z
    .custom<(warning: string) => void>((value) => typeof value === "function", {
      error: "must be a function",
    })
    .optional(),
  /**
   * Rookery's own statements run as named prepared statements, parsed and
   * planned once per connection (default). Turn off only behind a
   * connection pooler that does not keep prepared statements across
   * transactions (PgBouncer in transaction mode before 1.21, say).
   */
  preparedStatements: z.boolean().default(true),
};

/** `nileAdapter({ pool })`: a plain pg.Pool; PostgreSQL mode unless told otherwise. */
const PoolConfig = z.strictObject({
  pool: poolSchema,
  mode: mode.default("postgres"),
  ...checkOptions,
});
/** `nileAdapter({ nile })`: NileDB through the SDK's context-free pool. */
const NileConfig = z.strictObject({
  nile: nileSchema,
  mode: mode.default("nile"),
  ...checkOptions,
});

/**
 * The options of `nileAdapter`: a `pool` (PostgreSQL mode by default) or NileDB's `nile`, the mode
 * and the start-up check's settings.
 */
export const NileAdapterConfig = z.union([PoolConfig, NileConfig]);
/**
 * The options of `nileAdapter`: a `pool` (PostgreSQL mode by default) or NileDB's `nile`, the mode
 * and the start-up check's settings.
 */
export type NileAdapterConfig = z.input<typeof NileAdapterConfig>;
export type ParsedConfig = z.output<typeof NileAdapterConfig>;
