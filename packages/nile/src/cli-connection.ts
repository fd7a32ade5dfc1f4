import { err, ok, type Result } from "neverthrow";
import { redactConnectionStrings } from "./redact.js";
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
  const [source, plain] =
    urlFlag !== undefined
      ? (["--url", urlFlag] as const)
      : (["DATABASE_URL", env.DATABASE_URL] as const);
  if (plain !== undefined) {
    if (!parses(plain))
      return err(`${source} is not a valid URL: ${redactConnectionStrings(plain)}`);
    return ok({ url: plain, mode: (modeFlag as SchemaMode | undefined) ?? "postgres" });
  }
  const nile = nileUrl(env);
  if (nile === undefined) {
    return err("No database: pass --url, or set DATABASE_URL or NILEDB_POSTGRES_URL.");
  }
  return nile.map((url) => ({ url, mode: (modeFlag as SchemaMode | undefined) ?? "nile" }));
}

const parses = (url: string): boolean => URL.canParse(url);

// NILEDB_POSTGRES_URL often carries no credentials; the SDK takes them from
// NILEDB_USER / NILEDB_PASSWORD, and so do we. Node's URL error quotes the
// input whole, password included: it is caught here and never shown.
function nileUrl(env: NodeJS.ProcessEnv): Result<string, string> | undefined {
  const raw = env.NILEDB_POSTGRES_URL;
  if (raw === undefined) return undefined;
  if (!parses(raw)) {
    return err(`NILEDB_POSTGRES_URL is not a valid URL: ${redactConnectionStrings(raw)}`);
  }
  const url = new URL(raw);
  if (url.username === "" && env.NILEDB_USER !== undefined) url.username = env.NILEDB_USER;
  if (url.password === "" && env.NILEDB_PASSWORD !== undefined) {
    url.password = env.NILEDB_PASSWORD;
  }
  return ok(url.toString());
}
