import { createTenancy, type RookeryAdapter, RookeryErrors } from "@rookery/core";
import { memoryAdapter } from "@rookery/memory";
import { manualClock, sequentialIds } from "@rookery/testing";
import { errAsync, ok, safeTry } from "neverthrow";
import { z } from "zod";

/**
 * An adapter that fails its next `failures` write units for a tenant's own
 * rows, as a database outage in the middle of provisioning would; with
 * `alsoCompensation`, the platform unit after each failure fails too, as if
 * the process died before it could clean up.
 */
export function flakyAdapter(
  inner: RookeryAdapter,
  options: { failures: number; alsoCompensation?: boolean },
): RookeryAdapter {
  let failures = options.failures;
  let failPlatform = false;
  const outage = () => RookeryErrors.unavailable("The database went away.");
  return {
    name: `flaky-${inner.name}`,
    tenant: (tenantId, work, unitOptions) => {
      if (failures > 0 && unitOptions?.intent !== "read") {
        failures -= 1;
        failPlatform = options.alsoCompensation === true;
        return errAsync(outage());
      }
      return inner.tenant(tenantId, work, unitOptions);
    },
    platform: (work, unitOptions) => {
      if (failPlatform && unitOptions?.intent !== "read") {
        failPlatform = false;
        return errAsync(outage());
      }
      return inner.platform(work, unitOptions);
    },
  };
}

/** Runs the snippets of docs/guides/provisioning.md and returns what they produced. */
export async function runProvisioningGuide() {
  const invalid = invalidConfiguration();
  const deterministic = deterministicTenancy();
  const main = await safeTry(async function* () {
    // #region configure
    const tenancy = yield* createTenancy({
      adapter: memoryAdapter(),
      plans: {
        starter: { limits: { seats: 5, workspaces: 2 } },
        growth: { limits: { seats: 25, workspaces: 10, domains: 20 } },
      },
      settings: {
        schema: z.object({
          timezone: z.string().default("UTC"),
          signature: z.string().max(500).default(""),
        }),
        workspaceOverridable: ["signature"],
      },
      resources: {
        campaign: { scope: "workspace", schema: z.strictObject({ subject: z.string().min(1) }) },
        template: { scope: "tenant", schema: z.strictObject({ html: z.string() }) },
      },
      retentionDays: 30,
    });
    // #endregion configure

    // #region provision
    const signup = yield* tenancy.platform.provisionTenant({
      name: "Penguin Corp",
      plan: "starter",
      owner: { email: "pat@penguin.example", name: "Pat" },
      firstWorkspace: { name: "Acme Client" },
      idempotencyKey: "signup-3f9c1d2e",
    });
    const { tenant, owner, subscription, workspace } = signup;
    // tenant.status is "active"; subscription.limits is the starter plan's;
    // workspace is "Acme Client" (null when no firstWorkspace was asked for).
    // #endregion provision

    // #region retry
    // The client timed out and sends the same signup again.
    const retried = yield* tenancy.platform.provisionTenant({
      name: "Penguin Corp",
      plan: "starter",
      owner: { email: "pat@penguin.example", name: "Pat" },
      firstWorkspace: { name: "Acme Client" },
      idempotencyKey: "signup-3f9c1d2e",
    });
    // retried.tenant.id === tenant.id: nothing was created twice.
    // #endregion retry

    // #region key-reuse
    const reused = await tenancy.platform.provisionTenant({
      name: "Penguin Corporation",
      plan: "starter",
      owner: { email: "pat@penguin.example" },
      idempotencyKey: "signup-3f9c1d2e",
    });
    // reused.error.code === "CONFLICT": this key and owner already made a tenant of another name.
    // The same key with another owner is another signup: a key never reaches someone else's tenant.
    // #endregion key-reuse

    // #region provision-errors
    const unknownPlan = await tenancy.platform.provisionTenant({
      name: "Krill Inc",
      plan: "enterprise",
      owner: { email: "kim@krill.example" },
    });
    // VALIDATION, issues [{ path: "plan", message: "unknown plan 'enterprise'" }]

    const takenOwner = await tenancy.platform.provisionTenant({
      name: "Pat's side project",
      plan: "starter",
      owner: { userId: owner.userId },
    });
    // CONFLICT: Pat already belongs to Penguin Corp.
    // #endregion provision-errors

    // #region existing-owner
    // Kim signed up earlier, joined Penguin Corp, and has since been removed:
    // her user row remains, but she belongs to no tenant.
    const pat = yield* tenancy.as(owner.userId);
    const kimUser = yield* tenancy.platform.registerUser({
      email: "kim@krill.example",
      name: "Kim",
    });
    const kim = yield* pat.members.add({ userId: kimUser.id });
    yield* pat.members.remove(kim.userId);

    const krill = yield* tenancy.platform.provisionTenant({
      name: "Krill Inc",
      plan: "growth",
      owner: { userId: kim.userId },
      subscriptionStatus: "trialing",
    });
    // #endregion existing-owner

    // #region platform-read
    const found = yield* tenancy.platform.getTenant(krill.tenant.id);
    const active = yield* tenancy.platform.listTenants({ status: "active", limit: 50 });
    // active.items holds both tenants; pass active.next as `after` for the next page.
    // #endregion platform-read

    return ok({
      tenant,
      owner,
      subscription,
      workspace,
      retried,
      reused,
      unknownPlan,
      takenOwner,
      krill,
      found,
      activeNames: active.items.map((t) => t.name),
    });
  });
  const failure = await failureAndRetry();
  return main.andThen((values) =>
    failure.map((failed) => ({ ...values, invalid, deterministic, failure: failed })),
  );
}

function invalidConfiguration() {
  // #region invalid-config
  const broken = createTenancy({
    adapter: memoryAdapter(),
    plans: { starter: { limits: { seats: 0, workspaces: 1 } } },
  });
  // broken.error.code === "VALIDATION", and broken.error.issues names the field:
  // [{ path: "plans.starter.limits.seats", message: "Too small: expected number to be >=1" }]
  // #endregion invalid-config
  return broken;
}

function deterministicTenancy() {
  // #region deterministic
  const clock = manualClock("2026-01-01T00:00:00.000Z");
  const testTenancy = createTenancy({
    adapter: memoryAdapter(),
    plans: { starter: { limits: { seats: 5, workspaces: 2 } } },
    ids: sequentialIds(), // 00000000-0000-7000-8000-000000000001, ...002, ...
    clock: clock.now, // stands still until clock.advance(ms) or clock.set(date)
  });
  // #endregion deterministic
  return { testTenancy, clock };
}

function failureAndRetry() {
  return safeTry(async function* () {
    const store = memoryAdapter();
    const { platform } = yield* createTenancy({
      // Fails the first write for the new tenant's own rows, as an outage would.
      adapter: flakyAdapter(store, { failures: 1 }),
      plans: { starter: { limits: { seats: 5, workspaces: 2 } } },
    });
    // #region failure
    const signup = {
      name: "Krill Inc",
      plan: "starter",
      owner: { email: "kim@krill.example" },
      idempotencyKey: "signup-8d2b7a41",
    };
    const first = await platform.provisionTenant(signup);
    // first.error.code === "UNAVAILABLE": the store failed midway. The tenant row,
    // the owner's claim and the user row made for Kim were undone.
    const listed = yield* platform.listTenants();
    // listed.items is empty: no half-made tenant is ever visible.
    const second = yield* platform.provisionTenant(signup);
    // second.tenant is Krill Inc, active, owned by Kim.
    // #endregion failure
    return ok({
      failed: first,
      visibleAfterFailure: listed.items.map((t) => t.name),
      retried: second,
    });
  });
}
