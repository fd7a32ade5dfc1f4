import { createConnection, createServer, type Server } from "node:net";

/**
 * A TCP relay in front of PostgreSQL that counts round trips: every time the
 * client speaks again after the server answered is one more. Pipelined
 * messages sent before any answer count once, as they cost one wait.
 */
export interface RoundTripProxy {
  readonly port: number;
  roundTrips(): number;
  reset(): void;
  close(): Promise<void>;
}

export async function startRoundTripProxy(host: string, port: number): Promise<RoundTripProxy> {
  let count = 0;
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host, port });
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    let serverSpokeLast = true;
    client.on("data", (chunk) => {
      if (serverSpokeLast) count += 1;
      serverSpokeLast = false;
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => {
      serverSpokeLast = true;
      client.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("close", close).on("error", close);
    upstream.on("close", close).on("error", close);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const listening = typeof address === "object" && address !== null ? address.port : 0;
  return {
    port: listening,
    roundTrips: () => count,
    reset: () => {
      count = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
