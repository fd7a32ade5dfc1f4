import { err, ok, type Result } from "neverthrow";
import type { SchemaMode } from "./schema/migrations.js";

export interface CliConnection {
  readonly url: string;
  readonly mode: SchemaMode;
}

/** Where `rookery migrate` connects, from its flags and the environment. */
export function connectionFromEnv(
  env: NodeJS.ProcessEnv,
  urlFlag?: string,
  modeFlag?: string,
): Result<CliConnection, string> {
  if (modeFlag !== undefined && modeFlag !== "nile" && modeFlag !== "postgres") {
    return err(`--mode must be nile or postgres, not ${modeFlag}`);
  }
  const plain = urlFlag ?? env.DATABASE_URL;
  const nile = plain === undefined ? nileUrl(env) : undefined;
  const url = plain ?? nile;
  if (url === undefined) {
    return err("No database: pass --url, or set DATABASE_URL or NILEDB_POSTGRES_URL.");
  }
  const mode: SchemaMode =
    (modeFlag as SchemaMode | undefined) ?? (nile !== undefined ? "nile" : "postgres");
  return ok({ url, mode });
}

// NILEDB_POSTGRES_URL often carries no credentials; the SDK takes them from
// NILEDB_USER / NILEDB_PASSWORD, and so do we.
function nileUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.NILEDB_POSTGRES_URL;
  if (raw === undefined) return undefined;
  const url = new URL(raw);
  if (url.username === "" && env.NILEDB_USER !== undefined) url.username = env.NILEDB_USER;
  if (url.password === "" && env.NILEDB_PASSWORD !== undefined) {
    url.password = env.NILEDB_PASSWORD;
  }
  return url.toString();
}
