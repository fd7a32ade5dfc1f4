// The first example of docs/nile.md: both ways to build the adapter. Its
// PostgreSQL test sets the environment it reads, imports it and checks both.
// #region setup
import { Server } from "@niledatabase/server";
import { nileAdapter } from "@rookery/nile";
import pg from "pg";

// NileDB, through the SDK's context-free pool (nile.db)
const nile = new Server({ db: { pipeline: true } });
const adapter = nileAdapter({ nile }); // Result<NileAdapter, RookeryError>

// Plain PostgreSQL, through a pg.Pool you own, connected as the RUNTIME role (see below)
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, pipeline: true });
pool.on("error", () => {}); // idle clients the server drops are reported here, then replaced
const pgAdapter = nileAdapter({ pool }); // PostgreSQL mode unless { mode: "nile" }

// #endregion setup

export { adapter, nile, pgAdapter, pool };
