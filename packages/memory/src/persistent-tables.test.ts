import { RookeryErrors } from "@rookery/core";
import { tenancyWorld } from "@rookery/testing";
import { err, ok } from "neverthrow";
import { describe, expect, it } from "vitest";
import { memoryAdapter } from "./index.js";

// Tables are persistent maps: a committed table is never changed, a write makes a new one.
describe("tables as persistent maps", () => {
  it("a read unit keeps its snapshot while a write unit of the tenant commits", async () => {
    const adapter = memoryAdapter();
    const world = await tenancyWorld(adapter);
    const a = world.a;
    let enter!: () => void;
    const entered = new Promise<void>((r) => {
      enter = r;
    });
    let leave!: () => void;
    const gate = new Promise<void>((r) => {
      leave = r;
    });
    const reading = adapter.tenant(
      a.tenantId,
      async (u) => {
        const first = (
          await u.resources.list({ type: "campaign", limit: 100, workspaces: "all" })
        )._unsafeUnwrap();
        const ws1 = (await u.workspaces.list({ limit: 100 }))._unsafeUnwrap();
        enter();
        await gate;
        const second = (
          await u.resources.list({ type: "campaign", limit: 100, workspaces: "all" })
        )._unsafeUnwrap();
        const ws2 = (await u.workspaces.list({ limit: 100 }))._unsafeUnwrap();
        const members = (await u.memberships.count())._unsafeUnwrap();
        return ok({ first, second, ws1, ws2, members });
      },
      { intent: "read" },
    );
    await entered;
    // A write unit of the same tenant commits: a workspace (with its resources) goes, a campaign comes.
    (await a.as.owner.workspaces.delete(a.ws2))._unsafeUnwrap();
    (
      await a.as.owner
        .resources("campaign")
        .create({ workspaceId: a.ws1, data: { subject: "New", status: "draft" } })
    )._unsafeUnwrap();
    (await a.as.owner.members.remove(a.ids.member))._unsafeUnwrap();
    leave();
    const seen = (await reading)._unsafeUnwrap();
    expect(seen.second).toEqual(seen.first);
    expect(seen.ws2).toEqual(seen.ws1);
    expect(seen.members).toBe(3);
  });

  it("a failed write unit leaves nothing, even after many writes to many tables", async () => {
    const adapter = memoryAdapter();
    const world = await tenancyWorld(adapter);
    const before = adapter.snapshot();
    const failed = await adapter.tenant(world.a.tenantId, async (u) => {
      (await u.workspaces.remove(world.a.ws1))._unsafeUnwrap();
      (await u.memberships.remove(world.a.ids.member))._unsafeUnwrap();
      (await u.purge())._unsafeUnwrap();
      return err(RookeryErrors.invariant("no"));
    });
    expect(failed.isErr()).toBe(true);
    const thrown = await adapter.tenant(world.a.tenantId, async (u) => {
      (await u.purge())._unsafeUnwrap();
      throw new Error("boom");
    });
    expect(thrown.isErr()).toBe(true);
    expect(adapter.snapshot()).toEqual(before);
  });

  it("snapshot() does not depend on the order rows were written in", async () => {
    const one = memoryAdapter();
    await tenancyWorld(one);
    const taken = one.snapshot();
    // The same rows, every table written in reverse order.
    const reversed = JSON.parse(JSON.stringify(taken));
    for (const tables of [reversed.platform, ...Object.values(reversed.tenants)] as Record<
      string,
      unknown[]
    >[])
      for (const name of Object.keys(tables)) tables[name] = (tables[name] ?? []).reverse();
    const two = memoryAdapter();
    two.restore(reversed);
    expect(JSON.stringify(two.snapshot())).toEqual(JSON.stringify(taken));
  });
});
