import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Hono } from "hono";
import type { AppEnv } from "./app-env.js";

const ASSETS = {
  "/": ["index.html", "text/html; charset=utf-8"],
  "/console.js": ["console.js", "text/javascript; charset=utf-8"],
  "/console.css": ["console.css", "text/css; charset=utf-8"],
} as const;

// The console loads nothing from elsewhere: no CDN, no fonts, no network but this app.
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

/** Serves the web console: three static files, read once at start. */
export function consoleAssets(app: Hono<AppEnv>): void {
  const folder = join(import.meta.dirname, "console");
  for (const [path, [file, type]] of Object.entries(ASSETS)) {
    const body = readFileSync(join(folder, file), "utf8");
    app.get(path, (c) => c.body(body, 200, { "content-type": type, ...SECURITY_HEADERS }));
  }
}
