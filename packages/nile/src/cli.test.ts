import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SECRET = "s3cret-Pa55word";
const cli = resolve(import.meta.dirname, "cli.ts");

/** Runs `rookery` with only the variables given; its exit code and everything it printed. */
function rookery(args: readonly string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => name !== "DATABASE_URL" && !name.startsWith("NILEDB_"),
    ),
  );
  return new Promise<{ code: number; output: string }>((done) => {
    execFile(
      process.execPath,
      ["--conditions=@rookery/source", "--import", "tsx", cli, ...args],
      { env: { ...clean, ...env } },
      (error, stdout, stderr) => {
        done({ code: error === null ? 0 : Number(error.code), output: `${stdout}${stderr}` });
      },
    );
  });
}

describe("the migration CLI never prints a password", () => {
  it("when NILEDB_POSTGRES_URL does not parse", async () => {
    const run = await rookery(["migrate"], {
      NILEDB_POSTGRES_URL: `postgres://app:${SECRET}@[not-a-host/db`,
    });
    expect(run.code).toBe(2);
    expect(run.output).toMatch(/NILEDB_POSTGRES_URL is not a valid URL: postgres:\/\/app:\*\*\*@/);
    expect(run.output).not.toContain(SECRET);
  });

  it("when --url or DATABASE_URL does not parse", async () => {
    const flag = await rookery(["migrate", "--url", `postgres://app:${SECRET}@[bad`]);
    const variable = await rookery(["migrate"], { DATABASE_URL: `postgres://app:${SECRET}@[bad` });
    for (const run of [flag, variable]) {
      expect(run.code).toBe(2);
      expect(run.output).not.toContain(SECRET);
    }
  });

  it("when the server cannot be reached", async () => {
    const run = await rookery(["migrate", "--url", `postgres://app:${SECRET}@127.0.0.1:1/db`]);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/rookery migrate failed/);
    expect(run.output).not.toContain(SECRET);
  });

  it("when NILEDB_PASSWORD fills in a URL the server refuses", async () => {
    const run = await rookery(["migrate"], {
      NILEDB_POSTGRES_URL: "postgres://127.0.0.1:1/db",
      NILEDB_USER: "app",
      NILEDB_PASSWORD: SECRET,
    });
    expect(run.code).toBe(1);
    expect(run.output).not.toContain(SECRET);
  });
});
