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

/** `nileAdapter({ pool })`: a plain pg.Pool; PostgreSQL mode unless told otherwise. */
const PoolConfig = z.strictObject({ pool: poolSchema, mode: mode.default("postgres") });
/** `nileAdapter({ nile })`: NileDB through the SDK's context-free pool. */
const NileConfig = z.strictObject({ nile: nileSchema, mode: mode.default("nile") });

export const NileAdapterConfig = z.union([PoolConfig, NileConfig]);
export type NileAdapterConfig = z.input<typeof NileAdapterConfig>;
export type ParsedConfig = z.output<typeof NileAdapterConfig>;
