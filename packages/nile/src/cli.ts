#!/usr/bin/env node
import { parseArgs } from "node:util";
import pg from "pg";
import { connectionFromEnv } from "./cli-connection.js";
import { redactConnectionStrings } from "./redact.js";
import { migrate } from "./schema/migrate.js";

const USAGE = `Usage: rookery migrate [--mode nile|postgres] [--url postgres://...] [--runtime-role NAME]

Applies Rookery's schema. Run it as the role that owns the schema. The
connection comes from --url, else DATABASE_URL, else NILEDB_POSTGRES_URL with
NILEDB_USER / NILEDB_PASSWORD. The mode defaults to "nile" when only the
NILEDB_* variables are set, else to "postgres". --runtime-role names the role
the application connects as: it is granted data privileges only.`;

/** Every line the CLI prints about a failure goes through here: no password is ever shown. */
const fail = (message: string) => console.error(redactConnectionStrings(message));

async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      mode: { type: "string" },
      url: { type: "string" },
      "runtime-role": { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help === true || positionals[0] !== "migrate") {
    console.log(USAGE);
    return values.help === true ? 0 : 2;
  }
  const connection = connectionFromEnv(process.env, values.url, values.mode);
  if (connection.isErr()) {
    fail(connection.error);
    return 2;
  }
  const pool = new pg.Pool({ connectionString: connection.value.url, max: 1 });
  pool.on("error", () => {});
  try {
    const runtimeRole = values["runtime-role"];
    const report = await migrate({
      pool,
      mode: connection.value.mode,
      ...(runtimeRole === undefined ? {} : { runtimeRole }),
    });
    if (report.isErr()) {
      fail(`rookery migrate failed: ${report.error.message}`);
      return 1;
    }
    const { applied, alreadyApplied, mode } = report.value;
    for (const id of applied) console.log(`applied ${id}`);
    console.log(
      `${mode} mode: ${applied.length} applied, ${alreadyApplied.length} already applied`,
    );
    if (report.value.runtimeRole !== undefined) {
      console.log(`granted data privileges to ${report.value.runtimeRole}`);
    }
    return 0;
  } finally {
    await pool.end();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    fail(`rookery migrate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
