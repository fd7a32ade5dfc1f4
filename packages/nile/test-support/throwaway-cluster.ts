import { execFile, execFileSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { findPgBinDir } from "./pg-binaries.js";

/** A running throwaway PostgreSQL: where it listens and how to stop it. */
export interface ThrowawayCluster {
  readonly host: string;
  readonly port: number;
  /** The bootstrap superuser's URL (trust auth on loopback). */
  readonly superuserUrl: string;
  /** Stops the server fast and removes its data directory. */
  stop(): Promise<void>;
  /** Restarts the server on the same port (for the restart-survival test). */
  restart(): Promise<void>;
}

const OS_USER = "postgres";
const execFileAsync = promisify(execFile);

/**
 * Starts a private PostgreSQL cluster in a temporary directory: `initdb -A
 * trust`, `fsync=off`, a free loopback port. PostgreSQL refuses to run as
 * root, so when we are root the server runs as the `postgres` OS user.
 */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const bin = findPgBinDir();
  const asRoot = process.getuid?.() === 0;
  const base = mkdtempSync(join(tmpdir(), "rookery-pg-"));
  const dataDir = join(base, "data");
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", OS_USER]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", OS_USER]).toString().trim());
    chownSync(base, uid, gid);
    chmodSync(base, 0o700);
  }
  const run = (file: string, args: string[]) =>
    asRoot
      ? (["runuser", ["-u", OS_USER, "--", join(bin, file), ...args]] as const)
      : ([join(bin, file), args] as const);

  const [initCmd, initArgs] = run("initdb", [
    "-D",
    dataDir,
    "-A",
    "trust",
    "-U",
    "postgres",
    "--no-sync",
    "-E",
    "UTF8",
    "--locale=C",
  ]);
  execFileSync(initCmd, [...initArgs], { stdio: "pipe" });

  const port = await freePort();
  const options = [
    `-p ${port}`,
    "-h 127.0.0.1",
    `-k ${base}`,
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=1200",
    "-c shared_buffers=64MB",
  ].join(" ");
  const log = join(base, "server.log");
  // pg_ctl rather than a child process of ours: under runuser, signals sent to
  // our child would not reach the server, and -w waits for it to be ready or gone.
  const pgCtl = async (...args: string[]) => {
    const [cmd, argv] = run("pg_ctl", ["-D", dataDir, "-w", "-t", "60", ...args]);
    await execFileAsync(cmd, [...argv]);
  };
  const start = () => pgCtl("-o", options, "-l", log, "start");
  const halt = () => pgCtl("-m", "fast", "stop");
  await start();
  await waitForServer(port);
  return {
    host: "127.0.0.1",
    port,
    superuserUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: async () => {
      await halt();
      await start();
      await waitForServer(port);
    },
    stop: async () => {
      await halt().catch(() => undefined);
      rmSync(base, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address !== null
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

async function waitForServer(port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({
      host: "127.0.0.1",
      port,
      user: "postgres",
      database: "postgres",
    });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
