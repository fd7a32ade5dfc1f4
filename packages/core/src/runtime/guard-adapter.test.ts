import { okAsync, ResultAsync } from "neverthrow";
import { describe, expect, it } from "vitest";
import type { RookeryError } from "../errors.js";
import type { TenantId, WorkspaceId } from "../ids.js";
import type { Tenant } from "../model/tenant.js";
import type { Workspace } from "../model/workspace.js";
import type { RookeryAdapter } from "../port/adapter.js";
import type { TenantUnit } from "../port/tenant-unit.js";
import { guardAdapter } from "./guard-adapter.js";

const A = "00000000-0000-7000-8000-00000000000a" as TenantId;
const B = "00000000-0000-7000-8000-00000000000b" as TenantId;
const W = "00000000-0000-7000-8000-0000000000f1" as WorkspaceId;

const tenantRow = (id: TenantId) => ({ id, name: "T", status: "active" }) as unknown as Tenant;
const workspace = (tenantId: TenantId) => ({ tenantId, id: W, name: "W" }) as unknown as Workspace;

/**
 * A store written with classes, as an adapter author may: its methods live on
 * prototypes, not as own properties. It answers with the rows it is told to
 * and records every call that reached it.
 */
class Workspaces {
  constructor(
    private readonly store: FakeStore,
    private readonly answer: Workspace,
  ) {}
  insert(row: Workspace): ResultAsync<Workspace, RookeryError> {
    this.store.calls.push("workspaces.insert");
    return okAsync(row);
  }
  get(): ResultAsync<Workspace | null, RookeryError> {
    this.store.calls.push("workspaces.get");
    return okAsync(this.answer);
  }
  list() {
    this.store.calls.push("workspaces.list");
    return okAsync({ items: [this.answer], next: null });
  }
}

class FakeStore {
  readonly calls: string[] = [];
  constructor(
    private readonly rows: { tenant: Tenant | null; workspace: Workspace; unitFor?: TenantId },
  ) {}
  unit(tenantId: TenantId): TenantUnit {
    return {
      tenantId: this.rows.unitFor ?? tenantId,
      tenant: {
        get: () => {
          this.calls.push("tenant.get");
          return okAsync(this.rows.tenant);
        },
      },
      workspaces: new Workspaces(this, this.rows.workspace),
      memberships: { count: () => okAsync(3) },
      actor: () => {
        this.calls.push("actor");
        return okAsync({ tenant: this.rows.tenant, role: "owner", workspaceIds: [] });
      },
    } as unknown as TenantUnit;
  }
  adapter(): RookeryAdapter {
    return {
      name: "fake",
      platform: () => okAsync(undefined as never),
      tenant: (tenantId, work) =>
        new ResultAsync(Promise.resolve().then(() => work(this.unit(tenantId)))),
    };
  }
}

const setup = (rows: ConstructorParameters<typeof FakeStore>[0]) => {
  const store = new FakeStore(rows);
  return { store, adapter: guardAdapter(store.adapter()) };
};

describe("guardAdapter", () => {
  it("reaches methods an adapter defines on a class prototype", async () => {
    const { adapter, store } = setup({ tenant: tenantRow(A), workspace: workspace(A) });
    const result = await adapter.tenant(A, (u) => u.workspaces.get(W));
    expect(result._unsafeUnwrap()).toEqual(workspace(A));
    expect(store.calls).toEqual(["workspaces.get"]);
  });

  it("refuses a row of another tenant that the store returns, alone or in a page", async () => {
    const { adapter } = setup({ tenant: tenantRow(A), workspace: workspace(B) });
    for (const call of [
      (u: TenantUnit) => u.workspaces.get(W),
      (u: TenantUnit) => u.workspaces.list({ limit: 10 }),
    ]) {
      const result = await adapter.tenant(A, call as never);
      expect(result._unsafeUnwrapErr().code).toBe("ISOLATION_BREACH");
    }
  });

  it("refuses a row for another tenant before the store sees it", async () => {
    const { adapter, store } = setup({ tenant: tenantRow(A), workspace: workspace(A) });
    const result = await adapter.tenant(A, (u) => u.workspaces.insert(workspace(B)));
    expect(result._unsafeUnwrapErr()).toMatchObject({
      code: "ISOLATION_BREACH",
      message: expect.stringMatching(/passed to this tenant's unit/),
    });
    expect(store.calls).toEqual([]);
  });

  it("refuses another tenant's tenant row", async () => {
    const { adapter } = setup({ tenant: tenantRow(B), workspace: workspace(A) });
    const result = await adapter.tenant(A, (u) => u.tenant.get());
    expect(result._unsafeUnwrapErr().code).toBe("ISOLATION_BREACH");
  });

  it("refuses a unit the adapter opened for another tenant", async () => {
    const { adapter, store } = setup({ tenant: tenantRow(A), workspace: workspace(A), unitFor: B });
    const result = await adapter.tenant(A, (u) => u.workspaces.get(W));
    expect(result._unsafeUnwrapErr().code).toBe("ISOLATION_BREACH");
    expect(store.calls).toEqual([]);
  });

  it("refuses a write in a read unit without reaching the store", async () => {
    const { adapter, store } = setup({ tenant: tenantRow(A), workspace: workspace(A) });
    const result = await adapter.tenant(A, (u) => u.workspaces.insert(workspace(A)), {
      intent: "read",
    });
    expect(result._unsafeUnwrapErr()).toMatchObject({
      code: "INTERNAL",
      message: "A read unit of work tried to write.",
    });
    expect(store.calls).toEqual([]);
  });

  it("refuses a write to a tenant without a row with NOT_FOUND, after the isolation check", async () => {
    const { adapter, store } = setup({ tenant: null, workspace: workspace(A) });
    const missing = await adapter.tenant(A, (u) => u.workspaces.insert(workspace(A)));
    expect(missing._unsafeUnwrapErr()).toMatchObject({ code: "NOT_FOUND", entity: "tenant" });
    expect(store.calls).toEqual(["tenant.get"]);
    const foreign = await adapter.tenant(A, (u) => u.workspaces.insert(workspace(B)));
    expect(foreign._unsafeUnwrapErr().code).toBe("ISOLATION_BREACH");
  });

  it("reads the tenant row once per unit, however many writes follow", async () => {
    const { adapter, store } = setup({ tenant: tenantRow(A), workspace: workspace(A) });
    const result = await adapter.tenant(A, (u) =>
      u.tenant
        .get()
        .andThen(() => u.workspaces.insert(workspace(A)))
        .andThen(() => u.workspaces.insert(workspace(A))),
    );
    expect(result.isOk()).toBe(true);
    expect(store.calls).toEqual(["tenant.get", "workspaces.insert", "workspaces.insert"]);
  });

  it("kills every handle of a unit once the unit ends, without reaching the store", async () => {
    const { adapter, store } = setup({ tenant: tenantRow(A), workspace: workspace(A) });
    let kept: TenantUnit | undefined;
    const inside = await adapter.tenant(A, (u) => {
      kept = u;
      return u.workspaces.get(W);
    });
    expect(inside.isOk()).toBe(true);
    const callsDuringUnit = [...store.calls];
    const later = [
      await kept?.workspaces.get(W),
      await kept?.workspaces.insert(workspace(A)),
      await kept?.tenant.get(),
      await kept?.memberships.count(),
    ];
    for (const result of later) {
      expect(result?._unsafeUnwrapErr()).toMatchObject({
        code: "INTERNAL",
        message: expect.stringMatching(/unit of work has ended/),
      });
    }
    expect(store.calls).toEqual(callsDuringUnit);
  });

  it("kills the handles of a unit whose work threw", async () => {
    const { adapter, store } = setup({ tenant: tenantRow(A), workspace: workspace(A) });
    let kept: TenantUnit | undefined;
    // This fake store does not turn a throw into an Err as real adapters do: it rejects.
    await expect(
      adapter.tenant(A, (u) => {
        kept = u;
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const later = await kept?.workspaces.get(W);
    expect(later?._unsafeUnwrapErr().code).toBe("INTERNAL");
    expect(store.calls).toEqual([]);
  });

  it("refuses an actor read that carries another tenant's row", async () => {
    const { adapter } = setup({ tenant: tenantRow(B), workspace: workspace(A) });
    const result = await adapter.tenant(A, (u) =>
      (u.actor as NonNullable<TenantUnit["actor"]>)("u" as never),
    );
    expect(result._unsafeUnwrapErr().code).toBe("ISOLATION_BREACH");
  });

  it("takes the tenant row from the actor's read, so writes after it read nothing more", async () => {
    const { adapter, store } = setup({ tenant: tenantRow(A), workspace: workspace(A) });
    const result = await adapter.tenant(A, (u) =>
      (u.actor as NonNullable<TenantUnit["actor"]>)("u" as never).andThen(() =>
        u.workspaces.insert(workspace(A)),
      ),
    );
    expect(result.isOk()).toBe(true);
    expect(store.calls).toEqual(["actor", "workspaces.insert"]);
  });

  it("lets values without a tenant through", async () => {
    const { adapter } = setup({ tenant: tenantRow(A), workspace: workspace(A) });
    const result = await adapter.tenant(A, (u) => u.memberships.count());
    expect(result._unsafeUnwrap()).toBe(3);
  });

  it("answers INTERNAL, naming the method, when an adapter lacks one", async () => {
    const { adapter } = setup({ tenant: tenantRow(A), workspace: workspace(A) });
    const result = await adapter.tenant(A, (u) => u.workspaces.count(), { intent: "read" });
    expect(result._unsafeUnwrapErr()).toMatchObject({
      code: "INTERNAL",
      message: "The adapter's workspaces repository has no count method.",
    });
  });

  it("returns a guarded adapter unchanged when guarded again", () => {
    const { adapter } = setup({ tenant: tenantRow(A), workspace: workspace(A) });
    expect(guardAdapter(adapter)).toBe(adapter);
  });
});
