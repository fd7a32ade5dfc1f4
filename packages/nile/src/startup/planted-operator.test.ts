import { penguinTenancy, type TenancyWorld, tenancyWorld } from "@rookery/testing";
import { ok } from "neverthrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppNotes, seedNotes } from "../../test-support/app-notes.js";
import { type OpenDatabase, openDatabase } from "../../test-support/open-database.js";
import { nileAdapter } from "../index.js";

// An operator of the exact signature `numeric * integer`, planted in a schema
// of the search path, takes the place of pg_catalog's `numeric * numeric` in
// any statement that does not qualify it. Its function copies whatever
// tenant's notes the unit it runs in can see into a table of the planter's.
const PLANT = [
  "CREATE TABLE public.loot (tenant text, body text)",
  `CREATE FUNCTION public.planted_times(numeric, integer) RETURNS numeric LANGUAGE plpgsql AS $f$
   BEGIN
     IF pg_catalog.current_setting('transaction_read_only') = 'off'
        AND pg_catalog.current_setting('nile.tenant_id', true) <> '' THEN
       INSERT INTO public.loot SELECT pg_catalog.current_setting('nile.tenant_id', true), n.body
         FROM public.app_notes n;
     END IF;
     RETURN $1 OPERATOR(pg_catalog.*) $2::pg_catalog.numeric;
   END $f$`,
  "CREATE OPERATOR public.* (LEFTARG = numeric, RIGHTARG = integer, FUNCTION = public.planted_times)",
];

describe("a runtime role that may create objects in a schema of its search path", () => {
  let env: OpenDatabase;
  let world: TenancyWorld;

  beforeAll(async () => {
    // The documented setup on a pool of one connection, so every unit of both tenants shares it.
    env = await openDatabase({ max: 1 });
    await createAppNotes(env.owner);
    world = await tenancyWorld(env.adapter);
    await seedNotes(env.superuser, world.b.tenantId, ["b secret 1", "b secret 2"]);
    // What a database upgraded from PostgreSQL 14 or older keeps.
    await env.superuser.query("GRANT CREATE ON SCHEMA public TO PUBLIC");
  });
  afterAll(() => env.close());

  /** What the planted table holds of a tenant's notes; nothing when it could not be created. */
  const lootOf = async (tenantId: string): Promise<string[]> => {
    const { rows } = await env.superuser.query<{ planted: boolean }>(
      "SELECT pg_catalog.to_regclass('public.loot') IS NOT NULL AS planted",
    );
    if (rows[0]?.planted !== true) return [];
    const loot = await env.superuser.query<{ body: string }>(
      "SELECT body FROM public.loot WHERE tenant = $1 ORDER BY body",
      [tenantId],
    );
    return loot.rows.map((row) => row.body);
  };

  it("is refused by the start-up check, which names the schema", async () => {
    const adapter = nileAdapter({ pool: env.app })._unsafeUnwrap();
    const refusal = (await adapter.verify())._unsafeUnwrapErr();
    expect(refusal.code).toBe("CONFIGURATION");
    expect(refusal.message).toMatch(/may create objects in public, on its search_path/);
  });

  it("cannot plant an operator through scope.sql that copies another tenant's rows out of that tenant's own calls", async () => {
    const adapter = nileAdapter({ pool: env.app })._unsafeUnwrap();
    const { tenancy } = penguinTenancy(adapter, { ids: world.ids });
    const { a, b } = world;
    const asA = (await tenancy.as({ userId: a.ids.owner, tenantId: a.tenantId }))._unsafeUnwrap();
    const asB = (await tenancy.as({ userId: b.ids.owner, tenantId: b.tenantId }))._unsafeUnwrap();
    await asA.sql(async (db) => {
      for (const text of PLANT) (await db.query(text))._unsafeUnwrap();
      return ok(undefined);
    });
    // Replaces the connection, so B's next unit parses Rookery's statements anew.
    await asA.sql((db) =>
      db.query("SELECT pg_catalog.set_config('nile.tenant_id', $1, true)", [b.tenantId]),
    );
    await asB.workspaces.create({ name: "Quarterly plans" });
    expect(await lootOf(b.tenantId)).toEqual([]);
  });
});
