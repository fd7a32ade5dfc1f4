import { type RookeryAdapter, RookeryErrors, type TenancyEvent } from "@rookery/core";
import { err, errAsync } from "neverthrow";
import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { expectErr, expectOk } from "../expect-result.js";
import type { StoreInspector } from "../harness.js";
import {
  type PenguinResources,
  type PenguinTenancy,
  penguinTenancy,
  tenancyWorld,
} from "./penguinmails.js";
import { signedUp, tenantRows } from "./support.js";

type Event = TenancyEvent<PenguinResources>;

/** A subscriber that keeps what it was given. */
function recorder() {
  const seen: Event[] = [];
  return { seen, handler: (event: Event) => void seen.push(event) };
}

const ids = (events: readonly { readonly id?: unknown }[]) =>
  events.map((e) => String(e.id)).sort();

/** Delivers what building the world left pending, so a test sees only its own events. */
async function caughtUp(tenancy: PenguinTenancy): Promise<void> {
  const unsubscribe = tenancy.events.subscribe(() => undefined);
  expectOk(await tenancy.events.sweep(), "catching up");
  unsubscribe();
}

async function pendingIds(inspect: StoreInspector): Promise<string[]> {
  const delivered = new Set((await inspect.rows("delivered_events")).map((row) => String(row.id)));
  return (await inspect.rows("audit_events"))
    .map((row) => String(row.id))
    .filter((id) => !delivered.has(id))
    .sort();
}

/** Lifecycle events: the audit log is the outbox, delivered after commit and at least once. */
export const eventsGroup = defineGroup("tenancy: events", (test) => {
  test("a subscriber gets every committed change once, typed, with its audit event's id", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    await caughtUp(tenancy);
    const { seen, handler } = recorder();
    tenancy.events.subscribe(handler);
    const before = (await tenantRows(inspect, "audit_events", a.tenantId)).length;
    const mia = await signedUp(tenancy, "mia@a.example");
    const { token } = expectOk(await a.as.admin.invitations.create({ email: mia.email }));
    expectOk(await tenancy.invitations.accept(token, { userId: mia.id }));
    expectOk(await a.as.admin.members.changeRole(mia.id, "admin"));
    const ws = expectOk(await a.as.admin.workspaces.create({ name: "Launch" }));
    expectOk(
      await a.as.member.resources("campaign").create({
        workspaceId: a.ws1,
        data: { subject: "Hi", status: "draft" },
      }),
    );
    expectOk(await tenancy.platform.suspendTenant(a.tenantId));
    expectOk(await tenancy.platform.reactivateTenant(a.tenantId));
    await tenancy.events.settled();
    const log = (await tenantRows(inspect, "audit_events", a.tenantId)).slice(before);
    expect(ids(seen)).toEqual(ids(log));
    expect(seen.map((e) => e.action)).toEqual([
      "invitation.create",
      "invitation.accept",
      "member.add",
      "member.role_change",
      "workspace.create",
      "campaign.create",
      "tenant.suspend",
      "tenant.reactivate",
    ]);
    for (const event of seen) expect(log).toContainEqual(event);
    const created = seen.find((e) => e.action === "workspace.create");
    expect(created?.after).toEqual({ name: ws.name });
    expect(await pendingIds(inspect)).toEqual([]);
  });

  test("subscribers run only after the change committed, and never for one that rolled back", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter, { plan: "starter" });
    await caughtUp(tenancy);
    const visible: boolean[] = [];
    tenancy.events.subscribe(async (event) => {
      if (event.action !== "workspace.rename") return;
      const now = await a.as.owner.workspaces.get(event.target.id);
      visible.push(now.isOk() && now.value.name === event.after.name);
    });
    const { seen, handler } = recorder();
    tenancy.events.subscribe(handler);
    expectOk(await a.as.owner.workspaces.rename(a.ws1, { name: "Renamed" }));
    expectErr(await a.as.owner.workspaces.create({ name: "Third" }), "LIMIT_EXCEEDED");
    expectErr(await a.as.member.workspaces.create({ name: "Mine" }), "FORBIDDEN");
    await tenancy.events.settled();
    expect(visible).toEqual([true]);
    expect(seen.map((e) => e.action)).toEqual(["workspace.rename"]);
    expect(await pendingIds(inspect)).toEqual([]);
  });

  test("an event is never lost when the process dies before delivering: the sweep delivers it", async ({
    adapter,
    inspect,
  }) => {
    // The first process commits changes and dies before any delivery (no subscriber ran).
    const { a, ids: sharedIds, clock } = await tenancyWorld(adapter);
    expectOk(await a.as.owner.workspaces.rename(a.ws1, { name: "Renamed" }));
    const pending = await pendingIds(inspect);
    expect(pending.length).toBeGreaterThan(0);
    // A new process over the same store subscribes and sweeps.
    const next = penguinTenancy(adapter, { ids: sharedIds, clock }).tenancy;
    const { seen, handler } = recorder();
    next.events.subscribe(handler);
    const report = expectOk(await next.events.sweep({ batch: 3 }));
    expect(report).toMatchObject({ delivered: pending.length, failed: 0 });
    expect(ids(seen)).toEqual(pending);
    expect(await pendingIds(inspect)).toEqual([]);
    expect(expectOk(await next.events.sweep())).toEqual({
      transferred: 0,
      delivered: 0,
      failed: 0,
    });
  });

  test("a failing subscriber leaves the event pending; it comes again with the same id", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    await caughtUp(tenancy);
    const failures: string[] = [];
    let fail = true;
    const { seen, handler } = recorder();
    tenancy.events.subscribe(
      (event) => {
        handler(event);
        if (fail) throw new Error("webhook down");
      },
      { onError: (_error, event) => void failures.push(event.id) },
    );
    // A handler may also answer neverthrow's Err.
    let answerErr = true;
    tenancy.events.subscribe(() =>
      answerErr ? err(RookeryErrors.unavailable("queue down")) : undefined,
    );
    expectOk(await a.as.owner.workspaces.rename(a.ws1, { name: "Renamed" }));
    await tenancy.events.settled();
    expect(failures).toHaveLength(1);
    const [first] = seen;
    expect(await pendingIds(inspect)).toEqual([first?.id]);
    fail = false;
    answerErr = false;
    expect(expectOk(await tenancy.events.sweep())).toMatchObject({ delivered: 1, failed: 0 });
    expect(seen.map((e) => e.id)).toEqual([first?.id, first?.id]);
    expect(await pendingIds(inspect)).toEqual([]);
  });

  test("a status change and its event are durable together: the sweep finishes an interrupted copy", async ({
    adapter,
    inspect,
  }) => {
    const { ids: sharedIds, clock, a } = await tenancyWorld(adapter);
    // The process dies right after the status change commits: no tenant unit ever runs.
    const dying: RookeryAdapter = {
      ...adapter,
      tenant: (tenantId, work, options) =>
        options?.intent === "read"
          ? adapter.tenant(tenantId, work, options)
          : errAsync(RookeryErrors.unavailable("The process died.")),
    };
    const first = penguinTenancy(dying, { ids: sharedIds, clock }).tenancy;
    expectOk(await first.platform.suspendTenant(a.tenantId));
    expect(await tenantRows(inspect, "tenants", a.tenantId)).toEqual([]);
    expect((await inspect.rows("tenants")).find((t) => t.id === a.tenantId)?.status).toBe(
      "suspended",
    );
    const [parked] = await inspect.rows("platform_events");
    expect(parked).toMatchObject({ tenantId: a.tenantId, action: "tenant.suspend" });
    expect(
      (await tenantRows(inspect, "audit_events", a.tenantId)).map((e) => e.action),
    ).not.toContain("tenant.suspend");
    const next = penguinTenancy(adapter, { ids: sharedIds, clock }).tenancy;
    const { seen, handler } = recorder();
    next.events.subscribe(handler);
    expect(expectOk(await next.events.sweep())).toMatchObject({ transferred: 1, failed: 0 });
    expect(await inspect.rows("platform_events")).toEqual([]);
    expect(await tenantRows(inspect, "audit_events", a.tenantId)).toContainEqual(parked);
    expect(seen.filter((e) => e.action === "tenant.suspend").map((e) => e.id)).toEqual([
      parked?.id,
    ]);
  });

  test("signup's event comes once the tenant is active; a purge's last event from the shared outbox", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, clock } = penguinTenancy(adapter, { retentionDays: 0 });
    const statuses: string[] = [];
    const { seen, handler } = recorder();
    tenancy.events.subscribe(handler);
    tenancy.events.subscribe(async (event) => {
      if (event.action !== "tenant.provision") return;
      const tenant = await tenancy.platform.getTenant(event.tenantId);
      statuses.push(tenant.isOk() ? tenant.value.status : tenant.error.code);
    });
    const made = expectOk(
      await tenancy.platform.provisionTenant({
        name: "Krill Inc",
        plan: "starter",
        owner: { email: "kim@krill.example" },
      }),
    );
    expectOk(await tenancy.platform.offboardTenant(made.tenant.id));
    clock.advance(1);
    expectOk(await tenancy.platform.purgeTenant(made.tenant.id));
    await tenancy.events.settled();
    expect(statuses).toEqual(["active"]);
    expect(seen.map((e) => e.action)).toEqual([
      "tenant.provision",
      "tenant.offboard",
      "tenant.purge",
    ]);
    expect(seen[0]?.after).toEqual({
      name: "Krill Inc",
      plan: "starter",
      ownerId: made.owner.userId,
    });
    expect(await inspect.rows("platform_events")).toEqual([]);
  });

  test("unsubscribing stops delivery; a sweep without subscribers only copies platform events", async ({
    adapter,
    inspect,
  }) => {
    const { tenancy, a } = await tenancyWorld(adapter);
    const { seen, handler } = recorder();
    const unsubscribe = tenancy.events.subscribe(handler);
    unsubscribe();
    expectOk(await a.as.owner.workspaces.rename(a.ws1, { name: "Renamed" }));
    await tenancy.events.settled();
    expect(seen).toEqual([]);
    const pending = await pendingIds(inspect);
    expect(expectOk(await tenancy.events.sweep())).toEqual({
      transferred: 0,
      delivered: 0,
      failed: 0,
    });
    expect(await pendingIds(inspect)).toEqual(pending);
    expectErr(await tenancy.events.sweep({ batch: 0 }), "VALIDATION");
  });
});
