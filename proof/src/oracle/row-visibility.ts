import type pg from "pg";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A well-formed tenant id that no store of the campaign ever makes. */
const NO_SUCH_TENANT = "00000000-0000-4000-8000-00000000beef";

/**
 * The database wall, checked from outside Rookery: for every tenant, the
 * ordinary role sees under `nile.tenant_id = T` exactly the rows the superuser
 * counts for T and none of another tenant; under an unknown tenant, an empty
 * setting, or none at all, it sees nothing. One round trip for the superuser's
 * counts, one for the ordinary role's (one read-only transaction whose
 * statements switch the context, as a unit of work would).
 */
export async function rowVisibilityViolations(
  superuser: pg.Pool,
  app: pg.Pool,
  tables: readonly string[],
): Promise<{ violations: string[]; rowsChecked: number }> {
  const counts = new Map<string, number>();
  const tenantIds = new Set<string>();
  const byTenant = tables
    .map(
      (t) => `SELECT '${t}' AS t, tenant_id::text AS id, count(*)::int AS n FROM ${t} GROUP BY 2`,
    )
    .join(" UNION ALL ");
  const { rows } = await superuser.query<{ t: string; id: string | null; n: number }>(
    `${byTenant} UNION ALL SELECT 'tenants', id::text, 0 FROM tenants`,
  );
  for (const row of rows) {
    if (row.id !== null) tenantIds.add(row.id);
    counts.set(`${row.t}|${row.id}`, row.n);
  }
  const contexts = [...tenantIds, NO_SUCH_TENANT];
  for (const id of contexts) if (!UUID.test(id)) throw new Error(`Not a tenant id: ${id}`);
  const seen = (id: string) =>
    `SELECT json_build_array(${tables
      .map(
        (t) =>
          `(SELECT json_build_array(count(*), count(*) FILTER (WHERE tenant_id IS DISTINCT FROM ${id === "" ? "NULL" : `'${id}'`}::uuid)) FROM ${t})`,
      )
      .join(", ")}) AS seen`;
  const script = [
    "BEGIN READ ONLY",
    seen(""),
    ...contexts.flatMap((id) => [`SELECT set_config('nile.tenant_id', '${id}', true)`, seen(id)]),
    "SELECT set_config('nile.tenant_id', '', true)",
    seen(""),
    "COMMIT",
  ].join(";\n");
  const results = (await app.query(script)) as unknown as pg.QueryResult[];
  const answers = results
    .filter((r) => r.fields.some((f) => f.name === "seen"))
    .map((r) => (r.rows[0] as { seen: [number, number][] }).seen);
  const violations: string[] = [];
  let rowsChecked = 0;
  const compare = (
    label: string,
    answer: [number, number][] | undefined,
    expected: (t: string) => number,
  ) => {
    tables.forEach((table, i) => {
      const [visible, foreign] = answer?.[i] ?? [-1, -1];
      const want = expected(table);
      rowsChecked += want;
      if (visible !== want || foreign !== 0) {
        violations.push(
          `${table} under ${label}: saw ${visible} rows (${foreign} of another tenant), expected ${want}`,
        );
      }
    });
  };
  compare("no tenant context", answers[0], () => 0);
  contexts.forEach((id, i) => {
    compare(`tenant ${id}`, answers[i + 1], (t) => counts.get(`${t}|${id}`) ?? 0);
  });
  compare("an emptied tenant context", answers[contexts.length + 1], () => 0);
  return { violations, rowsChecked };
}
