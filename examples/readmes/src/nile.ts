// The example of packages/nile/README.md.
// #region example
import { createTenancy } from "@rookery/core";
import { migrate, nileAdapter } from "@rookery/nile";
import pg from "pg";

// The pool is yours: Rookery never closes it. On pg 8.23 or later, add `pipeline: true`:
// BEGIN, the tenant context and the first statement then leave in one round trip.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on("error", () => {}); // idle clients the server drops are reported here, then replaced

// Once per deploy (or `npx rookery migrate --mode postgres`), as the owner role.
(await migrate({ pool, mode: "postgres" }))._unsafeUnwrap();

const adapter = nileAdapter({ pool })._unsafeUnwrap(); // PostgreSQL mode unless { mode: "nile" }
(await adapter.verify())._unsafeUnwrap(); // the start-up checks, before the first request

const tenancy = createTenancy({
  adapter,
  plans: { starter: { limits: { seats: 5, workspaces: 2 } } },
})._unsafeUnwrap();

// #endregion example

export { tenancy };
