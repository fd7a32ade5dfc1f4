import { existsSync, readdirSync } from "node:fs";
import { delimiter, join } from "node:path";

/**
 * Where `initdb` and `postgres` live: on PATH, or in Debian's versioned
 * directory, which a plain `apt-get install postgresql-15` does not put on PATH.
 */
export function findPgBinDir(): string {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir !== "" && existsSync(join(dir, "initdb")) && existsSync(join(dir, "postgres"))) {
      return dir;
    }
  }
  const debian = "/usr/lib/postgresql";
  const versions = existsSync(debian)
    ? readdirSync(debian).sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const dir = join(debian, version, "bin");
    if (existsSync(join(dir, "initdb"))) return dir;
  }
  throw new Error(
    "PostgreSQL server binaries (initdb, postgres) were not found: install postgresql-15 or set TEST_DATABASE_URL.",
  );
}
