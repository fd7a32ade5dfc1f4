import type { Server } from "@niledatabase/server";
import type pg from "pg";
import { RAW } from "./raw-queries.js";
import type { BenchTenancy, BenchTenant } from "./world.js";

/**
 * Every contender must answer the same rows before any is timed: the same
 * campaign from the raw query, a scope, a whole request and the SDK; the same
 * page from the raw list and the scope's; the same people from the raw join
 * and `members.list`.
 */
export async function verifySameRows(
  tenancy: BenchTenancy,
  tenants: readonly BenchTenant[],
  raw: pg.Pool,
  nile: Server,
): Promise<void> {
  for (const t of tenants.slice(0, 3)) {
    const id = t.campaignIds[0] ?? "";
    const [row] = (await raw.query(RAW.get, [t.tenantId, id])).rows;
    if (row === undefined) throw new Error("bench:request: the raw query found no campaign");
    const viaScope = (await t.scope.resources("campaign").get(id))._unsafeUnwrap();
    const viaRequest = (
      await tenancy
        .as({ userId: t.ownerId, tenantId: t.tenantId })
        .andThen((s) => s.resources("campaign").get(id))
    )._unsafeUnwrap();
    const viaSdk = await nile.withContext({ tenantId: t.tenantId }, (ctx) =>
      ctx.query(RAW.get, [t.tenantId, id]),
    );
    const sdkRow = (viaSdk as { rows?: Record<string, unknown>[] }).rows?.[0];
    for (const [name, got] of [
      ["scope", viaScope],
      ["request", viaRequest],
    ] as const) {
      same(
        name,
        [got.id, got.version, JSON.stringify(got.data)],
        [row?.id, row?.version, JSON.stringify(row?.data)],
      );
    }
    same("nile-sdk", [sdkRow?.id], [row?.id]);

    const rawPage = (await raw.query(RAW.list, [t.tenantId])).rows.map((r) => r.id);
    const page = (await t.scope.resources("campaign").list({ limit: 20 }))._unsafeUnwrap();
    same(
      "list",
      page.items.map((r) => r.id),
      rawPage,
    );

    const rawPeople = (await raw.query(RAW.members, [t.tenantId])).rows.map((r) => r.user_id);
    const people = (await t.scope.members.list({ limit: 20 }))._unsafeUnwrap();
    same(
      "members",
      people.items.map((m) => m.userId),
      rawPeople,
    );
  }
}

function same(what: string, got: readonly unknown[], expected: readonly unknown[]): void {
  if (JSON.stringify(got) !== JSON.stringify(expected) || expected.length === 0) {
    throw new Error(
      `bench:request: ${what} disagrees with the raw query: ${JSON.stringify({ got, expected })}`,
    );
  }
}
