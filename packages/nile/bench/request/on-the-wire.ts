import type { RookeryAdapter } from "@rookery/core/adapter";
import { nileAdapter } from "@rookery/nile";
import type { ResultAsync } from "neverthrow";
import pg from "pg";
import { startRoundTripProxy } from "../../test-support/round-trip-proxy.js";

/** What one request costs on the wire, averaged over many. */
export interface WireCount {
  readonly statements: number;
  readonly roundTrips: number;
  /** The SQL of one request, in the order it was sent. */
  readonly texts: readonly string[];
}

/**
 * Runs a request through a relay that counts statements and round trips, on
 * a pipelined pool of one connection as docs/nile.md recommends.
 */
export async function onTheWire(
  appUrl: string,
  requestOn: (adapter: RookeryAdapter) => (i: number) => ResultAsync<unknown, unknown>,
): Promise<WireCount> {
  const url = new URL(appUrl);
  const proxy = await startRoundTripProxy(url.hostname, Number(url.port));
  url.hostname = "127.0.0.1";
  url.port = String(proxy.port);
  const pool = new pg.Pool({ connectionString: url.toString(), max: 1, pipeline: true });
  pool.on("error", () => {});
  try {
    const request = requestOn(nileAdapter({ pool })._unsafeUnwrap());
    for (let i = 0; i < 5; i++) (await request(i))._unsafeUnwrap();
    await settle();
    proxy.reset();
    (await request(5))._unsafeUnwrap();
    await settle();
    const texts = [...proxy.texts()];
    proxy.reset();
    const n = 50;
    for (let i = 0; i < n; i++) (await request(i))._unsafeUnwrap();
    await settle();
    return { statements: proxy.statements() / n, roundTrips: proxy.roundTrips() / n, texts };
  } finally {
    await pool.end();
    await proxy.close();
  }
}

/** Lets a statement that nobody awaits (a read unit's COMMIT) reach the relay. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
