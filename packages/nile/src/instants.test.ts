import type { RookeryAdapter } from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import { manualClock, type TenancyWorld, tenancyWorld } from "@rookery/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";

// Rookery's own statements read
// `timestamptz` through a text-to-ISO converter (a fast path for the UTC text,
// pg's parser otherwise); the application's SQL keeps pg's Dates. Whatever the
// server's TimeZone (and DateStyle, in the ISO style the start-up check requires), what the services answer must equal what
// the memory adapter answers for the same calls at the same clock.

/** Every instant the services hand out for the world, in one comparable value. */
async function answers(w: TenancyWorld) {
  const { a, clock } = w;
  clock.advance(1_234);
  const made = (
    await a.as.owner
      .resources("campaign")
      .create({ workspaceId: a.ws1, data: { subject: "Later", status: "draft" } })
  )._unsafeUnwrap();
  clock.advance(999);
  const updated = (
    await a.as.owner
      .resources("campaign")
      .update(made.id, { subject: "Later still", status: "sent" })
  )._unsafeUnwrap();
  const invited = (
    await a.as.owner.invitations.create({ email: "new@a.example", role: "member" })
  )._unsafeUnwrap();
  return {
    made,
    updated,
    invitation: invited.invitation,
    got: (await a.as.member.resources("campaign").get(made.id))._unsafeUnwrap(),
    campaigns: (await a.as.owner.resources("campaign").list())._unsafeUnwrap(),
    templates: (await a.as.member.resources("template").list())._unsafeUnwrap(),
    workspaces: (await a.as.owner.workspaces.list())._unsafeUnwrap(),
    members: (await a.as.owner.members.list())._unsafeUnwrap(),
    invitations: (await a.as.owner.invitations.list())._unsafeUnwrap(),
    audit: (await a.as.owner.audit.list({ limit: 100 }))._unsafeUnwrap(),
    tenant: (await w.tenancy.platform.getTenant(a.tenantId))._unsafeUnwrap(),
  };
}

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Every string value under a key that names an instant. */
function instantsOf(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) instantsOf(v, found);
  else if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (/At$|^at$/.test(key)) {
        if (v !== null) found.push(v as string);
      } else instantsOf(v, found);
    }
  }
  return found;
}

// A clock with milliseconds, in a month where New York is on summer time.
const START = "2026-07-04T23:59:58.987Z";

describe.each([
  ["TimeZone UTC (the fast path)", "timezone", "UTC"],
  ["TimeZone America/New_York", "timezone", "America/New_York"],
  ["TimeZone Asia/Kolkata", "timezone", "Asia/Kolkata"],
  ["TimeZone Europe/London in summer (+01)", "timezone", "Europe/London"],
  ["DateStyle ISO, DMY", "datestyle", "ISO, DMY"],
])("Rookery's instants under %s", (_, setting, value) => {
  let env: OpenDatabase;
  let expected: Awaited<ReturnType<typeof answers>>;
  let actual: Awaited<ReturnType<typeof answers>>;
  let world: TenancyWorld;

  beforeAll(async () => {
    env = await openDatabase({ max: 1, pipeline: true });
    // Before the pool opens its first connection: every connection starts with it.
    await env.superuser.query(
      `ALTER DATABASE ${env.db.name} SET ${setting} = ${pg.Client.prototype.escapeLiteral(value)}`,
    );
    const run = async (adapter: RookeryAdapter) => {
      const w = await tenancyWorld(adapter, { clock: manualClock(START) });
      return { w, found: await answers(w) };
    };
    expected = (await run(memoryAdapter() as RookeryAdapter)).found;
    const onNile = await run(env.adapter);
    actual = onNile.found;
    world = onNile.w;
  });
  afterAll(() => env.close());

  it("the connection really runs with the setting", async () => {
    const shown = await world.a.as.owner.sql(
      (db) => db.query<{ v: string }>(`SELECT current_setting('${setting}') AS v`),
      { intent: "read" },
    );
    expect(shown._unsafeUnwrap()[0]?.v).toBe(value);
  });

  it("services answer the memory adapter's instants: ISO strings in UTC, milliseconds kept", () => {
    expect(actual).toEqual(expected);
    const instants = instantsOf(actual);
    expect(instants.length).toBeGreaterThan(20);
    for (const at of instants) expect(at).toMatch(ISO_MS);
  });

  it("the application's SQL still gets pg's Dates, for the same instants", async () => {
    const rows = await world.a.as.owner.sql(
      (db) =>
        db
          .query<{ created: unknown; now: unknown; micro: unknown }>(
            `SELECT created_at AS created, now() AS now,
                    '2026-07-04 23:59:58.987654+00'::timestamptz AS micro
               FROM public.rookery_resources WHERE id = $1`,
            [actual.made.id],
          )
          .map((found) => found[0]),
      { intent: "read" },
    );
    const row = rows._unsafeUnwrap();
    if (row === undefined) throw new Error("the campaign row is missing");
    expect(row.created).toBeInstanceOf(Date);
    expect(row.now).toBeInstanceOf(Date);
    expect((row.created as Date).toISOString()).toBe(actual.made.createdAt);
    expect((row.micro as Date).toISOString()).toBe("2026-07-04T23:59:58.987Z");
  });

  it("an instant the application wrote with microseconds reads back cut to milliseconds", async () => {
    const written = await world.a.as.owner.sql((db) =>
      db.query(
        `UPDATE public.rookery_resources SET updated_at = '2026-07-04 23:59:59.999999+00'
           WHERE id = $1 RETURNING 1`,
        [actual.made.id],
      ),
    );
    expect(written._unsafeUnwrap()).toHaveLength(1);
    const got = (await world.a.as.owner.resources("campaign").get(actual.made.id))._unsafeUnwrap();
    expect(got.updatedAt).toBe("2026-07-04T23:59:59.999Z");
  });
});
