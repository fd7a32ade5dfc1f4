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
): Promise<{ scopeGet: number; mapLookup: number; createAt: MemoryCreates }> {
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
  return {
    scopeGet: micros["scope-get"] ?? Number.NaN,
    mapLookup: micros.map ?? Number.NaN,
    createAt: await memoryScopeCreates(Math.max(1, Math.floor(iterations / 10))),
  };
}

/** What a create costs on memory with a small tenant, and with twenty times the rows. */
export interface MemoryCreates {
  readonly rows: readonly [number, number];
  readonly micros: readonly [number, number];
}

/**
 * Mean microseconds of a scoped `resources.create` on the in-memory adapter
 * over the `batch` creates that take a tenant to `batch` rows, and over the
 * `batch` that take it to twenty times that: a test that writes many rows
 * should pay per row what a test that writes few does.
 */
async function memoryScopeCreates(batch: number): Promise<MemoryCreates> {
  const tenancy = benchTenancy(memoryAdapter());
  const [t] = (await buildTenants(tenancy, 1, { members: 1, campaigns: 0 }))._unsafeUnwrap();
  if (t === undefined) throw new Error("bench:request: no tenant to create in");
  const creates = async (n: number) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      const made = await t.scope
        .resources("campaign")
        .create({ workspaceId: t.workspaceId, data: { subject: "Memory", status: "draft" } });
      if (made.isErr())
        throw new Error(`bench:request: a memory create failed: ${made.error.code}`);
    }
    return Number(process.hrtime.bigint() - start) / 1_000 / n;
  };
  const small = await creates(batch);
  await creates(batch * 18);
  const large = await creates(batch);
  return { rows: [batch, batch * 20], micros: [small, large] };
}
