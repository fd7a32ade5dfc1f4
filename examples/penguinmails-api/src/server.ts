import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { type AuthOptions, appAuth, migrateAuth } from "./auth.js";
import { DEMO_LOGINS, type DemoLogin, type Seeded, seed } from "./seed.js";
import { openStore, type StoreEnv, type StoreMode } from "./store.js";
import { type AppTenancy, appTenancy } from "./tenancy.js";

export interface StartOptions {
  /** 0 picks a free port. */
  readonly port: number;
  readonly hostname?: string;
  /** The environment to read the store and the secrets from (process.env by default). */
  readonly env?: StoreEnv;
  /** Seed the demo companies: the default on the in-memory store only. */
  readonly seed?: boolean;
  /** The request log and warnings (stdout by default). */
  readonly log?: (line: string) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly mode: StoreMode;
  readonly tenancy: AppTenancy;
  readonly auth: ReturnType<typeof appAuth>;
  readonly seeded: Seeded | null;
  readonly demoLogins: readonly DemoLogin[];
  close(): Promise<void>;
}

/**
 * Starts the API and the console: the store (migrated on SQL stores), the
 * tenancy, better-auth, then the seed on the in-memory store. The port is
 * open from the start, but requests wait for the app to be ready.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const hostname = options.hostname ?? "127.0.0.1";
  const store = await openStore(env, log);
  const tenancy = appTenancy(store.rookery);

  let ready: (request: Request) => Response | Promise<Response> = () =>
    new Response("Starting, try again in a moment.", { status: 503 });
  const server = serve({ fetch: (request) => ready(request), port: options.port, hostname });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`;

  const authOptions: AuthOptions = {
    secret: secretOf(env, store.mode),
    baseURL: env.BASE_URL ?? url,
  };
  await migrateAuth(tenancy, store, authOptions);
  const auth = appAuth(tenancy, store, authOptions);
  const seeding = options.seed ?? store.mode === "memory";
  const seeded = seeding ? await seed(tenancy, auth) : null;
  const demoLogins = seeding ? DEMO_LOGINS : [];
  const app = createApp({ tenancy, auth, log, demoLogins });
  ready = (request) => app.fetch(request);

  return {
    url,
    mode: store.mode,
    tenancy,
    auth,
    seeded,
    demoLogins,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections (a browser's) would hold the close open.
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
      await tenancy.events.settled();
      await store.close();
    },
  };
}

/**
 * better-auth signs session cookies with this secret. In memory, sessions end
 * with the process, so a fresh random one will do; a database keeps sessions
 * across restarts, so it must be given.
 */
function secretOf(env: StoreEnv, mode: StoreMode): string {
  const given = env.BETTER_AUTH_SECRET;
  if (given !== undefined && given.length >= 32) return given;
  if (mode === "memory") return randomBytes(32).toString("base64url");
  throw new Error("Set BETTER_AUTH_SECRET (32 characters or more) to keep sessions in a database.");
}
