import { memoryAdapter } from "@rookery/memory";
import { compare } from "../timing.js";
import { type BenchTenant, benchTenancy, buildTenants } from "./world.js";

/**
 * What a read costs test authors on the in-memory adapter: a scoped
 * `resources.get` beside a plain `Map` lookup of the same rows. No target:
 * it tells what swapping the database for memory buys.
 */
export async function memoryScopeGet(
  iterations: number,
): Promise<{ scopeGet: number; mapLookup: number }> {
  const tenancy = benchTenancy(memoryAdapter());
  const tenants = (await buildTenants(tenancy, 3, { members: 2, campaigns: 25 }))._unsafeUnwrap();
  const rows = new Map<string, unknown>();
  for (const t of tenants) {
    for (const id of t.campaignIds) {
      rows.set(
        `${t.tenantId}:${id}`,
        (await t.scope.resources("campaign").get(id))._unsafeUnwrap(),
      );
    }
  }
  const pick = (i: number) => {
    const t = tenants[i % tenants.length] as BenchTenant;
    return [t, t.campaignIds[i % t.campaignIds.length] ?? ""] as const;
  };
  let found = 0;
  const micros = await compare(3, iterations, {
    map: async (i) => {
      const [t, id] = pick(i);
      if (rows.get(`${t.tenantId}:${id}`) !== undefined) found += 1;
    },
    "scope-get": (i) => {
      const [t, id] = pick(i);
      return t.scope.resources("campaign").get(id);
    },
  });
  if (found === 0) throw new Error("bench:request: the Map lookup found nothing");
  return { scopeGet: micros["scope-get"] ?? Number.NaN, mapLookup: micros.map ?? Number.NaN };
}
