import { Server } from "@niledatabase/server";

/**
 * A `Server` from the NileDB SDK pointed at a plain PostgreSQL database. Only
 * its database side is used; the auth service URL is never called.
 */
export function nileServer(
  url: string,
  options: {
    readonly pipeline?: boolean;
    readonly applicationName?: string;
    readonly max?: number;
    readonly connectionTimeoutMillis?: number;
  } = {},
): Server {
  const u = new URL(url);
  return new Server({
    apiUrl: "http://127.0.0.1:9/unused",
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    databaseName: u.pathname.slice(1),
    db: {
      host: u.hostname,
      port: Number(u.port),
      ...(options.pipeline ? { pipeline: true } : {}),
      ...(options.max === undefined ? {} : { max: options.max }),
      ...(options.connectionTimeoutMillis === undefined
        ? {}
        : { connectionTimeoutMillis: options.connectionTimeoutMillis }),
      ...(options.applicationName === undefined
        ? {}
        : { application_name: options.applicationName }),
    },
    debug: false,
  });
}
