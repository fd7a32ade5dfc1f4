import { createConnection, createServer, type Server } from "node:net";

/**
 * A TCP relay in front of PostgreSQL that counts what crosses the wire:
 * round trips (every time the client speaks again after the server answered
 * is one more; pipelined messages sent before any answer count once, as they
 * cost one wait) and statements (each Execute of the extended protocol or
 * simple Query), with the SQL of each statement executed, named prepared
 * statements included.
 */
export interface RoundTripProxy {
  readonly port: number;
  roundTrips(): number;
  statements(): number;
  /** The text of every statement run (each Bind and simple Query) since the last reset, in order. */
  texts(): readonly string[];
  reset(): void;
  close(): Promise<void>;
}

export async function startRoundTripProxy(host: string, port: number): Promise<RoundTripProxy> {
  let roundTrips = 0;
  let statements = 0;
  let texts: string[] = [];
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host, port });
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    let serverSpokeLast = true;
    // What each statement name of this connection was parsed as ("" is the unnamed one).
    const parsed = new Map<string, string>();
    const frontend = messageReader((type, body) => {
      if (type === "E" || type === "Q") statements += 1;
      if (type === "Q") texts.push(cString(body, 0).text);
      if (type === "P") {
        const name = cString(body, 0);
        parsed.set(name.text, cString(body, name.next).text);
      }
      if (type === "B") {
        const statement = cString(body, cString(body, 0).next).text;
        texts.push(parsed.get(statement) ?? `(prepared statement ${statement})`);
      }
    });
    client.on("data", (chunk: Buffer) => {
      if (serverSpokeLast) roundTrips += 1;
      serverSpokeLast = false;
      frontend(chunk);
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
    roundTrips: () => roundTrips,
    statements: () => statements,
    texts: () => texts,
    reset: () => {
      roundTrips = 0;
      statements = 0;
      texts = [];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Splits the client's byte stream into protocol messages. The first message
 * (startup, or an SSL request) has no type byte; every later one is a type
 * byte and a length that counts itself.
 */
function messageReader(onMessage: (type: string, body: Buffer) => void) {
  let pending = Buffer.alloc(0);
  let started = false;
  return (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      if (!started) {
        if (pending.length < 4) return;
        const length = pending.readInt32BE(0);
        if (pending.length < length) return;
        // An SSL request (80877103) is answered with one byte, then the startup follows.
        const isSslRequest = length === 8 && pending.readInt32BE(4) === 80877103;
        pending = pending.subarray(length);
        if (!isSslRequest) started = true;
        continue;
      }
      if (pending.length < 5) return;
      const length = pending.readInt32BE(1);
      if (pending.length < 1 + length) return;
      onMessage(String.fromCharCode(pending[0] ?? 0), pending.subarray(5, 1 + length));
      pending = pending.subarray(1 + length);
    }
  };
}

function cString(body: Buffer, start: number): { text: string; next: number } {
  const end = body.indexOf(0, start);
  const stop = end === -1 ? body.length : end;
  return { text: body.toString("utf8", start, stop), next: stop + 1 };
}
