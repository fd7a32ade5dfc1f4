import { type Page, type RookeryAdapter, type RookeryError, RookeryErrors } from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import { type TenancyWorld, tenancyWorld } from "@rookery/testing";
import type { Result } from "neverthrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../test-support/open-database.js";

// `resources.list` reads its page speculatively with
// the actor (the whole tenant, or the one workspace asked for) before the
// policy decides, and a narrower reach reads again. The same script of calls
// runs on the memory adapter and on PostgreSQL (one pipelined connection);
// both must answer alike, and a member must never see a workspace outside
// their reach.

type Outcome =
  | { readonly ok: true; readonly items: readonly string[]; readonly next: string | null }
  | { readonly ok: false; readonly code: string; readonly message: string };

const NEVER_USED = "00000000-0000-4000-8000-00000000abcd";

interface Step {
  readonly name: string;
  readonly outcome: Outcome;
}

const outcome = <T extends { readonly id: string }>(r: Result<Page<T>, RookeryError>): Outcome =>
  r.isOk()
    ? { ok: true, items: r.value.items.map((i) => i.id), next: r.value.next }
    : { ok: false, code: r.error.code, message: r.error.message };

/** The script: reads by every role, with and without a workspace, paged, across changes of reach. */
async function script(w: TenancyWorld): Promise<Step[]> {
  const { a, b, tenancy } = w;
  const steps: Step[] = [];
  const campaigns = (who: "owner" | "admin" | "member", t = a) => t.as[who].resources("campaign");
  const record = async <T extends { readonly id: string }>(
    name: string,
    call: PromiseLike<Result<Page<T>, RookeryError>>,
  ) => {
    steps.push({ name, outcome: outcome(await call) });
  };
  // One more campaign in each workspace, so that pages of one are pages.
  for (const ws of [a.ws1, a.ws2]) {
    (
      await campaigns("owner").create({
        workspaceId: ws,
        data: { subject: "More", status: "sent" },
      })
    )._unsafeUnwrap();
  }
  const pages = async (name: string, who: "owner" | "admin" | "member", workspaceId?: string) => {
    let after: string | undefined;
    for (let i = 0; i < 6; i++) {
      const query = {
        limit: 1,
        ...(after === undefined ? {} : { after }),
        ...(workspaceId === undefined ? {} : { workspaceId }),
      };
      const r = await campaigns(who).list(query);
      steps.push({ name: `${name} page ${i}`, outcome: outcome(r) });
      if (r.isErr() || r.value.next === null) break;
      after = r.value.next;
    }
  };
  const roundOf = async (label: string) => {
    for (const who of ["owner", "admin", "member"] as const) {
      await record(`${label} ${who} all`, campaigns(who).list());
      await record(`${label} ${who} ws1`, campaigns(who).list({ workspaceId: a.ws1 }));
      await record(`${label} ${who} ws2`, campaigns(who).list({ workspaceId: a.ws2 }));
      await record(`${label} ${who} B's ws1`, campaigns(who).list({ workspaceId: b.ws1 }));
      await record(`${label} ${who} never used`, campaigns(who).list({ workspaceId: NEVER_USED }));
      await record(`${label} ${who} templates`, a.as[who].resources("template").list());
      await record(
        `${label} ${who} templates of ws1`,
        a.as[who].resources("template").list({ workspaceId: a.ws1 }),
      );
      await record(
        `${label} ${who} after ws2's campaign`,
        campaigns(who).list({ after: a.campaign2 }),
      );
      await pages(`${label} ${who} paged`, who);
      await pages(`${label} ${who} paged ws1`, who, a.ws1);
    }
  };
  await roundOf("start");
  (await a.as.owner.workspaces.archive(a.ws1))._unsafeUnwrap();
  await roundOf("ws1 archived");
  (await a.as.owner.workspaces.unarchive(a.ws1))._unsafeUnwrap();
  (await a.as.owner.workspaces.assign(a.ws2, a.ids.member))._unsafeUnwrap();
  (await a.as.owner.workspaces.unassign(a.ws1, a.ids.member))._unsafeUnwrap();
  await roundOf("member moved to ws2");
  (await a.as.owner.members.changeRole(a.ids.member, "admin"))._unsafeUnwrap();
  await roundOf("member made admin");
  (await a.as.owner.members.changeRole(a.ids.member, "member"))._unsafeUnwrap();
  await roundOf("admin made member again");
  (await a.as.owner.workspaces.unassign(a.ws2, a.ids.member))._unsafeUnwrap();
  await roundOf("member assigned nowhere");
  (await tenancy.platform.suspendTenant(a.tenantId))._unsafeUnwrap();
  await roundOf("tenant suspended");
  (await tenancy.platform.reactivateTenant(a.tenantId))._unsafeUnwrap();
  (await a.as.owner.members.remove(a.ids.member))._unsafeUnwrap();
  await roundOf("member removed");
  return steps;
}

/** What no step may show: a member's page with a campaign outside the workspaces assigned then. */
function memberSawOnly(steps: readonly Step[], w: TenancyWorld, label: string, allowed: string[]) {
  const foreign = steps.filter(
    (s) =>
      s.name.startsWith(`${label} member`) &&
      s.outcome.ok &&
      !s.name.includes("templates") &&
      s.outcome.items.some((id) => !allowed.includes(id)),
  );
  expect(foreign, `${label}: pages a member must not see`).toEqual([]);
  void w;
}

describe("resources.list within the caller's reach, memory and PostgreSQL alike", () => {
  let env: OpenDatabase;
  let memory: Step[];
  let nile: Step[];
  let nileWorld: TenancyWorld;

  beforeAll(async () => {
    env = await openDatabase({ max: 1, pipeline: true });
    const run = async (adapter: RookeryAdapter) => {
      const world = await tenancyWorld(adapter);
      return { world, steps: await script(world) };
    };
    memory = (await run(memoryAdapter() as RookeryAdapter)).steps;
    const onNile = await run(env.adapter);
    nile = onNile.steps;
    nileWorld = onNile.world;
  });
  afterAll(() => env.close());

  it("answers every call of the script the same on both adapters", () => {
    expect(nile.map((s) => s.name)).toEqual(memory.map((s) => s.name));
    for (let i = 0; i < memory.length; i++) {
      expect(nile[i], memory[i]?.name).toEqual(memory[i]);
    }
  });

  it("never hands a member a campaign of a workspace not assigned to them", async () => {
    const campaignsIn = async (ws: string) => {
      const { rows } = await env.superuser.query<{ id: string }>(
        "SELECT id::text FROM public.rookery_resources WHERE workspace_id = $1 AND type = 'campaign'",
        [ws],
      );
      return rows.map((r) => r.id);
    };
    const { a } = nileWorld;
    const inWs1 = await campaignsIn(a.ws1);
    const inWs2 = await campaignsIn(a.ws2);
    memberSawOnly(nile, nileWorld, "start", inWs1);
    memberSawOnly(nile, nileWorld, "ws1 archived", inWs1);
    memberSawOnly(nile, nileWorld, "member moved to ws2", inWs2);
    memberSawOnly(nile, nileWorld, "admin made member again", inWs2);
    memberSawOnly(nile, nileWorld, "member assigned nowhere", []);
    memberSawOnly(nile, nileWorld, "tenant suspended", []);
    memberSawOnly(nile, nileWorld, "member removed", []);
  });

  it("answers another tenant's workspace exactly as a never-used id", () => {
    for (const label of ["start", "member assigned nowhere"]) {
      for (const who of ["owner", "admin", "member"]) {
        const foreign = nile.find((s) => s.name === `${label} ${who} B's ws1`)?.outcome;
        const never = nile.find((s) => s.name === `${label} ${who} never used`)?.outcome;
        expect(foreign).toEqual(never);
        expect(foreign).toMatchObject({
          ok: false,
          code: RookeryErrors.notFound("workspace").code,
        });
      }
    }
  });
});
