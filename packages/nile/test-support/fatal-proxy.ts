import { createConnection, createServer, type Server, type Socket } from "node:net";

/**
 * A TCP relay in front of PostgreSQL that can end connections the way a
 * server does when an administrator kills a backend, at the worst moment: a
 * FATAL "terminating connection" sent in the same write as the end of a
 * fresh connection's start-up (its first ReadyForQuery), so the client reads
 * both at once.
 */
export interface FatalProxy {
  readonly port: number;
  /** The next connection gets the FATAL right after its start-up, then is closed. */
  failNextConnection(): void;
  /** Closes every relayed connection (the pool sees its idle clients drop). */
  dropAll(): void;
  close(): Promise<void>;
}

const FATAL = errorResponse({
  S: "FATAL",
  V: "FATAL",
  C: "57P01",
  M: "terminating connection due to administrator command",
});

export async function startFatalProxy(host: string, port: number): Promise<FatalProxy> {
  const sockets = new Set<Socket>();
  let armed = false;
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host, port });
    sockets.add(client).add(upstream);
    const fail = armed;
    armed = false;
    let pending = Buffer.alloc(0);
    client.on("data", (chunk) => upstream.write(chunk));
    upstream.on("data", (chunk) => {
      if (!fail) {
        client.write(chunk);
        return;
      }
      pending = Buffer.concat([pending, chunk]);
      const end = endOfFirstReadyForQuery(pending);
      if (end === -1) return;
      client.end(Buffer.concat([pending.subarray(0, end), FATAL]));
      upstream.destroy();
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", close).on("error", close);
    upstream.on("close", close).on("error", close);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    port: typeof address === "object" && address !== null ? address.port : 0,
    failNextConnection: () => {
      armed = true;
    },
    dropAll: () => {
      for (const socket of sockets) socket.destroy();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Where the first ReadyForQuery ('Z') message of a backend's stream ends, or -1. */
function endOfFirstReadyForQuery(stream: Buffer): number {
  let offset = 0;
  while (offset + 5 <= stream.length) {
    const length = stream.readInt32BE(offset + 1);
    const end = offset + 1 + length;
    if (end > stream.length) return -1;
    if (stream[offset] === 0x5a) return end;
    offset = end;
  }
  return -1;
}

function errorResponse(fields: Record<string, string>): Buffer {
  const body = Buffer.concat([
    ...Object.entries(fields).map(([key, value]) => Buffer.from(`${key}${value}\0`, "utf8")),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header.write("E", 0, "ascii");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}
