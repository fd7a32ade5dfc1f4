import { type RookeryAdapter, RookeryErrors } from "@rookery/core";
import { errAsync, ResultAsync } from "neverthrow";
import { expect } from "vitest";
import { defineGroup } from "../conformance/group.js";
import { storeState } from "../conformance/helpers.js";
import { manualClock, sequentialIds } from "../deterministic.js";
import { expectErr, expectOk } from "../expect-result.js";
import { penguinTenancy } from "./penguinmails.js";

const injected = () => RookeryErrors.unavailable("Injected failure of the store.");

/** The adapter, with every tenant unit failing: provisioning's fill step cannot run. */
function failingTenantUnits(adapter: RookeryAdapter): RookeryAdapter {
  return { ...adapter, tenant: () => errAsync(injected()) };
}

/** The adapter, with its `n`-th platform unit failing (counting from 1). */
function failingPlatformUnit(adapter: RookeryAdapter, n: number): RookeryAdapter {
  let calls = 0;
  return {
    ...adapter,
    platform: (work, options) => {
      calls += 1;
      return calls === n ? errAsync(injected()) : adapter.platform(work, options);
    },
  };
}

/** Two tenancies over one store, one healthy, one over a broken adapter; shared ids and clock. */
function pair(adapter: RookeryAdapter, broken: RookeryAdapter) {
  const shared = { ids: sequentialIds(), clock: manualClock() };
  return {
    healthy: penguinTenancy(adapter, shared).tenancy,
    broken: penguinTenancy(broken, shared).tenancy,
  };
}

const plain = {
  name: "Penguin Corp",
  plan: "starter",
  owner: { email: "pat@a.example", name: "Pat Penguin" },
  firstWorkspace: { name: "Outreach" },
};
const signup = { ...plain, idempotencyKey: "signup-after-failure" };

/** A provisioning that fails midway is invisible, then undone, then retryable. */
export const provisioningFailuresGroup = defineGroup("tenancy: provisioning failures", (test) => {
  test("a tenant still provisioning is invisible to listTenants, getTenant and as()", async ({
    adapter,
    inspect,
  }) => {
    let enter!: () => void;
    let release!: () => void;
    const entered = new Promise<void>((resolve) => {
      enter = resolve;
    });
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Holds the fill step until the test has looked at the half-made tenant.
    const gated: RookeryAdapter = {
      ...adapter,
      tenant: (tenantId, work, options) => {
        enter();
        return ResultAsync.fromSafePromise(gate).andThen(() =>
          adapter.tenant(tenantId, work, options),
        );
      },
    };
    const { healthy, broken } = pair(adapter, gated);
    const existing = expectOk(
      await healthy.platform.provisionTenant({ ...plain, owner: { email: "kim@b.example" } }),
    );
    const pending = broken.platform.provisionTenant(signup);
    await entered;
    const half = (await inspect.rows("tenants")).find((t) => t.status === "provisioning");
    expect(half, "the tenant row exists, provisioning").toBeDefined();
    const listed = expectOk(await healthy.platform.listTenants());
    expect(listed.items.map((t) => t.id)).toEqual([existing.tenant.id]);
    expectErr(await healthy.platform.getTenant(String(half?.id)), "NOT_FOUND", "tenant");
    const owner = (await inspect.rows("users")).find((u) => u.email === "pat@a.example");
    expectErr(await healthy.as(String(owner?.id)), "NOT_FOUND");
    release();
    const made = expectOk(await pending);
    expect(expectOk(await healthy.platform.getTenant(made.tenant.id)).status).toBe("active");
    expect(expectOk(await healthy.platform.listTenants()).items).toHaveLength(2);
  });

  test("a failed fill step is compensated: no tenant row, no claim, no created user", async ({
    adapter,
    inspect,
  }) => {
    const { healthy, broken } = pair(adapter, failingTenantUnits(adapter));
    expectOk(
      await healthy.platform.provisionTenant({ ...plain, owner: { email: "kim@b.example" } }),
    );
    const before = await storeState(inspect);
    expectErr(await broken.platform.provisionTenant(signup), "UNAVAILABLE");
    expect(await storeState(inspect)).toEqual(before);
    // The key is free again: a retry on a healthy store makes the tenant.
    const made = expectOk(await healthy.platform.provisionTenant(signup));
    expect(made.tenant.status).toBe("active");
  });

  test("a failed fill step keeps an existing owner's user row but releases the claim", async ({
    adapter,
    inspect,
  }) => {
    const { healthy, broken } = pair(adapter, failingTenantUnits(adapter));
    const first = expectOk(await healthy.platform.provisionTenant(plain));
    const owner = expectOk(await healthy.as(first.owner.userId));
    const ada = expectOk(await healthy.platform.registerUser({ email: "ada@a.example" }));
    const added = expectOk(await owner.members.add({ userId: ada.id }));
    expectOk(await owner.members.remove(added.userId));
    const before = await storeState(inspect);
    const result = await broken.platform.provisionTenant({
      ...signup,
      owner: { userId: added.userId },
    });
    expectErr(result, "UNAVAILABLE");
    expect(await storeState(inspect)).toEqual(before);
    expect((await inspect.rows("users")).map((u) => u.id)).toContain(added.userId);
  });

  test("a failed publish step is compensated: the filled rows go with the tenant", async ({
    adapter,
    inspect,
  }) => {
    // Platform unit 1 claims, unit 2 would publish: it fails after the fill committed.
    const { healthy, broken } = pair(adapter, failingPlatformUnit(adapter, 2));
    const before = await storeState(inspect);
    expectErr(await broken.platform.provisionTenant(signup), "UNAVAILABLE");
    expect(await storeState(inspect)).toEqual(before);
    expect(expectOk(await healthy.platform.listTenants()).items).toEqual([]);
    const made = expectOk(await healthy.platform.provisionTenant(signup));
    expect(made.workspace?.name).toBe("Outreach");
    expect(await inspect.rows("subscriptions")).toHaveLength(1);
  });
});
