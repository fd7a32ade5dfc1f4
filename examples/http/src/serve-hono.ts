import { serve } from "@hono/node-server";
import { honoApp } from "./hono-app.js";
import { appTenancy, SessionStore } from "./tenancy.js";

/** Starts the Hono API on Node, on `port` (0 for any free one); `listening` once it listens. */
export function serveHono(port: number, listening: () => void) {
  const tenancy = appTenancy();
  const sessions = new SessionStore();
  const app = honoApp(tenancy, sessions, (line) => console.error(line));
  // #region serve-hono
  // On Node; on Bun, Deno or a worker, export the app (or app.fetch) instead.
  const server = serve({ fetch: app.fetch, port }, listening);
  // #endregion serve-hono
  return { server, tenancy, sessions };
}
