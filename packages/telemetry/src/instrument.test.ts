import { SpanStatusCode } from "@opentelemetry/api";
import { type RookeryAdapter, RookeryErrors } from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import { type PenguinTenancy, type TenancyWorld, tenancyWorld } from "@rookery/testing";
import { errAsync } from "neverthrow";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { instrumentAdapter } from "./instrument-adapter.js";
import { instrumentTenancy } from "./instrument-tenancy.js";
import type { TelemetryEvent } from "./options.js";
import { childrenOf, only, testTracing } from "./test-tracing.js";

const tracing = testTracing();
const events: TelemetryEvent[] = [];
const state = { down: false };
let world: TenancyWorld;
let tenancy: PenguinTenancy;

/** The memory adapter, failing with UNAVAILABLE (and a cause) while `state.down` is set. */
function switchable(inner: RookeryAdapter): RookeryAdapter {
  const outage = () =>
    errAsync(RookeryErrors.unavailable("The store did not answer.", new Error("ECONNREFUSED")));
  return {
    name: inner.name,
    platform: (work, options) => (state.down ? outage() : inner.platform(work, options)),
    tenant: (id, work, options) => (state.down ? outage() : inner.tenant(id, work, options)),
  };
}

beforeAll(async () => {
  const options = { tracer: tracing.tracer, log: (event: TelemetryEvent) => events.push(event) };
  world = await tenancyWorld(instrumentAdapter(switchable(memoryAdapter()), options));
  tenancy = instrumentTenancy(world.tenancy, options);
});
afterAll(() => tracing.stop());
beforeEach(() => {
  tracing.reset();
  events.length = 0;
});

describe("spans for calls and units of work", () => {
  it("traces a scope's call with its unit of work as a child, both with the tenant id", async () => {
    const { a } = world;
    const scope = (await tenancy.as({ userId: a.ids.owner, tenantId: a.tenantId }))._unsafeUnwrap();
    const campaign = await scope.resources("campaign").get(a.campaign1);
    expect(campaign._unsafeUnwrap().id).toBe(a.campaign1);

    const spans = tracing.spans();
    const get = only(spans, 'scope.resources("campaign").get');
    expect(get.attributes).toEqual({
      "rookery.call": 'scope.resources("campaign").get',
      "rookery.tenant_id": a.tenantId,
      "rookery.user_id": a.ids.owner,
      "rookery.resource_type": "campaign",
    });
    expect(get.status.code).not.toBe(SpanStatusCode.ERROR);
    const [unit, ...more] = childrenOf(spans, get);
    expect(more).toEqual([]);
    expect(unit?.name).toBe("rookery.unit");
    expect(unit?.attributes).toEqual({
      "rookery.unit.kind": "tenant",
      "rookery.unit.intent": "read",
      "rookery.tenant_id": a.tenantId,
    });
    expect(unit?.spanContext().traceId).toBe(get.spanContext().traceId);
  });

  it("traces tenancy.as: a session's pair reads nothing, a user id one platform unit", async () => {
    const { b } = world;
    (await tenancy.as({ userId: b.ids.member, tenantId: b.tenantId }))._unsafeUnwrap();
    (await tenancy.as(b.ids.admin))._unsafeUnwrap();
    const [byPair, byId] = tracing.spans().filter((span) => span.name === "tenancy.as");
    if (byPair === undefined || byId === undefined)
      throw new Error("two tenancy.as spans expected");
    expect(byPair?.attributes["rookery.tenant_id"]).toBe(b.tenantId);
    expect(childrenOf(tracing.spans(), byPair)).toEqual([]);
    // The tenant is learnt from the scope made.
    expect(byId?.attributes["rookery.tenant_id"]).toBe(b.tenantId);
    const units = childrenOf(tracing.spans(), byId);
    expect(units.map((unit) => unit.attributes)).toEqual([
      { "rookery.unit.kind": "platform", "rookery.unit.intent": "read" },
    ]);
  });

  it("marks a refused call and its unit with the error code", async () => {
    const { a, b } = world;
    const member = (await tenancy.as(a.ids.member))._unsafeUnwrap();
    tracing.reset();
    // Not assigned to ws2: the policy refuses inside the unit.
    const refused = await member.resources("campaign").get(a.campaign2);
    expect(refused._unsafeUnwrapErr().code).toBe("FORBIDDEN");
    // Another tenant's id: NOT_FOUND.
    expect((await member.resources("campaign").get(b.campaign1))._unsafeUnwrapErr().code).toBe(
      "NOT_FOUND",
    );
    const [forbidden, notFound] = tracing
      .spans()
      .filter((span) => span.name === 'scope.resources("campaign").get');
    if (forbidden === undefined) throw new Error("no span for the refused call");
    expect(forbidden.status.code).toBe(SpanStatusCode.ERROR);
    expect(forbidden.attributes["rookery.error_code"]).toBe("FORBIDDEN");
    expect(childrenOf(tracing.spans(), forbidden)[0]?.attributes["rookery.error_code"]).toBe(
      "FORBIDDEN",
    );
    expect(notFound?.attributes["rookery.error_code"]).toBe("NOT_FOUND");
    // The span of a foreign id names the caller's tenant, never the other one.
    expect(JSON.stringify(notFound?.attributes)).not.toContain(b.tenantId);
  });

  it("records a store failure's cause as an exception event", async () => {
    const owner = (
      await tenancy.as({ userId: world.a.ids.owner, tenantId: world.a.tenantId })
    )._unsafeUnwrap();
    state.down = true;
    try {
      expect((await owner.members.list())._unsafeUnwrapErr().code).toBe("UNAVAILABLE");
    } finally {
      state.down = false;
    }
    const list = only(tracing.spans(), "scope.members.list");
    expect(list.attributes["rookery.error_code"]).toBe("UNAVAILABLE");
    expect(list.events.map((event) => event.attributes?.["exception.message"])).toEqual([
      "ECONNREFUSED",
    ]);
  });

  it("traces writes with a write unit, and platform calls with theirs", async () => {
    const owner = (await tenancy.as(world.a.ids.owner))._unsafeUnwrap();
    (await owner.workspaces.create({ name: "Traced" }))._unsafeUnwrap();
    const create = only(tracing.spans(), "scope.workspaces.create");
    expect(
      childrenOf(tracing.spans(), create).map((unit) => unit.attributes["rookery.unit.intent"]),
    ).toEqual(["write"]);

    tracing.reset();
    const provisioned = await tenancy.platform.provisionTenant({
      name: "Krill Inc",
      plan: "starter",
      owner: { email: "kim@krill.example" },
    });
    expect(provisioned.isOk()).toBe(true);
    const provision = only(tracing.spans(), "platform.provisionTenant");
    expect(provision.attributes).toEqual({ "rookery.call": "platform.provisionTenant" });
    const units = childrenOf(tracing.spans(), provision);
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units.map((unit) => unit.name))).toEqual(new Set(["rookery.unit"]));
  });

  it("traces every call of a scope, services found by shape", async () => {
    const owner = (await tenancy.as(world.b.ids.owner))._unsafeUnwrap();
    tracing.reset();
    (await owner.me())._unsafeUnwrap();
    (await owner.subscription.get())._unsafeUnwrap();
    (await owner.settings.get())._unsafeUnwrap();
    (await owner.audit.list())._unsafeUnwrap();
    owner.toJob()._unsafeUnwrap();
    expect(
      tracing
        .spans()
        .filter((s) => s.name.startsWith("scope."))
        .map((s) => s.name),
    ).toEqual([
      "scope.me",
      "scope.subscription.get",
      "scope.settings.get",
      "scope.audit.list",
      "scope.toJob",
    ]);
  });
});

describe("the logger hook", () => {
  it("hears every call and unit when it ends, with the tenant and the error", async () => {
    const { a } = world;
    const member = (
      await tenancy.as({ userId: a.ids.member, tenantId: a.tenantId })
    )._unsafeUnwrap();
    await member.workspaces.create({ name: "Not mine to make" });
    const kinds = events.map(
      (event) => `${event.kind}:${event.kind === "call" ? event.name : event.unit}`,
    );
    expect(kinds).toEqual(["call:tenancy.as", "unit:tenant", "call:scope.workspaces.create"]);
    const created = events.at(-1);
    expect(created).toMatchObject({
      kind: "call",
      tenantId: a.tenantId,
      userId: a.ids.member,
      error: { code: "FORBIDDEN" },
    });
    for (const event of events) expect(event.durationMs).toBeGreaterThanOrEqual(0);
  });
});

describe("instrumentation changes nothing a call answers", () => {
  it("answers as the tenancy it wraps", async () => {
    const plain = (await world.tenancy.as(world.a.ids.admin))._unsafeUnwrap();
    const traced = (await tenancy.as(world.a.ids.admin))._unsafeUnwrap();
    expect(traced.tenantId).toBe(plain.tenantId);
    expect(traced.userId).toBe(plain.userId);
    expect((await traced.resources("campaign").list())._unsafeUnwrap()).toEqual(
      (await plain.resources("campaign").list())._unsafeUnwrap(),
    );
    expect(await traced.members.get(world.b.ids.owner)).toEqual(
      await plain.members.get(world.b.ids.owner),
    );
    expect(tenancy.context).toBe(world.tenancy.context);
  });

  it("ignores a logger that throws", async () => {
    const noisy = instrumentTenancy(world.tenancy, {
      tracer: tracing.tracer,
      log: () => {
        throw new Error("logger down");
      },
    });
    const scope = (await noisy.as(world.a.ids.owner))._unsafeUnwrap();
    expect((await scope.me())._unsafeUnwrap().role).toBe("owner");
  });

  it("keeps the adapter's own members", async () => {
    const adapter = memoryAdapter();
    const traced = instrumentAdapter(adapter);
    expect(traced.name).toBe(adapter.name);
    const snapshot = traced.snapshot();
    traced.restore(snapshot);
    traced.reset();
  });
});
