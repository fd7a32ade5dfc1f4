import { migrate, nileAdapter } from "@rookery/nile";
import { ok, safeTry } from "neverthrow";
import pg from "pg";
import { appTenancy } from "./tenancy.js";

/**
 * The page's switch to PostgreSQL: migrate as the owner role, then the same
 * tenancy over `nileAdapter` on a pool of the runtime role. Reads
 * DATABASE_OWNER_URL and DATABASE_URL; the caller ends the pool it returns.
 */
export function onPostgres() {
  return safeTry(async function* () {
    // #region migrate
    // Once per deploy (or `npx rookery migrate`), as the OWNER role, naming the runtime role.
    const owner = new pg.Pool({ connectionString: process.env.DATABASE_OWNER_URL, max: 1 });
    const migrated = await migrate({ pool: owner, mode: "postgres", runtimeRole: "app_runtime" });
    await owner.end();
    const report = yield* migrated; // { mode: "postgres", applied: [...], alreadyApplied: [...] }
    // #endregion migrate

    // #region adapter
    // The application connects as the RUNTIME role: data privileges only, row security applies.
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    pool.on("error", () => {}); // idle clients the server drops are reported here, then replaced
    const adapter = yield* nileAdapter({ pool }); // PostgreSQL mode unless { mode: "nile" }
    yield* adapter.verify(); // refuses a superuser, a BYPASSRLS role, an unmigrated schema
    const tenancy = yield* appTenancy(adapter); // the same tenancy, now on PostgreSQL
    // #endregion adapter

    return ok({ report, pool, tenancy });
  });
}
