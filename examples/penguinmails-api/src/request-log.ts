import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env.js";

/**
 * One line per request, once it is answered: method, path (never the query,
 * which may hold a token), status, duration, the tenant when the request was
 * bound to one, and the problem's code when it failed.
 */
export function requestLog(write: (line: string) => void): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const duration = (performance.now() - started).toFixed(1);
    const scope = c.get("scope") as { tenantId: string } | undefined;
    const code = c.get("problemCode");
    write(
      `${c.req.method} ${c.req.path} ${c.res.status} ${duration}ms tenant=${scope?.tenantId ?? "-"}` +
        (code === undefined ? "" : ` error=${code}`),
    );
  };
}
