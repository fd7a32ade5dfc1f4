import { err, ok, okAsync, type Result, type ResultAsync, safeTry } from "neverthrow";
import { z } from "zod";
import { type RookeryError, RookeryErrors } from "../errors.js";
import { type TenantId, UserId, type WorkspaceId } from "../ids.js";
import { DisplayName, Slug } from "../model/common.js";
import type { Subscription } from "../model/subscription.js";
import { SubscriptionStatus } from "../model/subscription.js";
import type { Tenant } from "../model/tenant.js";
import type { User } from "../model/user.js";
import type { Workspace } from "../model/workspace.js";
import { parseWith } from "../parse.js";
import type { PlatformUnit } from "../port/platform-unit.js";
import type { TenantUnit } from "../port/tenant-unit.js";
import { nowIso, planOf, type TenancyEnv } from "./env.js";
import { tenantIdForKey } from "./idempotency.js";
import { type Member, toMember } from "./members.js";
import { discardTenant, publishTenant } from "./publish.js";
import { defaultSettings } from "./settings-values.js";
import { RegisterUserInput, registerIn } from "./users.js";

const ExistingUserInput = z.strictObject({ userId: UserId });
const UserRef = z.union([ExistingUserInput, RegisterUserInput]);

/**
 * A signup: the tenant's name, its plan, its owner and, optionally, a first workspace and an
 * idempotency key.
 */
export const ProvisionInput = z.strictObject({
  name: DisplayName,
  plan: Slug,
  /**
   * The person signing up, as `platform.registerUser` takes them (e-mail,
   * optional subject and name: found or made), or an existing user by id;
   * either way one who belongs to no tenant yet.
   */
  owner: UserRef,
  subscriptionStatus: SubscriptionStatus.default("active"),
  firstWorkspace: z.strictObject({ name: DisplayName }).optional(),
  /** Retrying with the same key returns the tenant the first attempt made. */
  idempotencyKey: z.string().min(8).max(200).optional(),
});
/**
 * A signup: the tenant's name, its plan, its owner and, optionally, a first workspace and an
 * idempotency key.
 */
export type ProvisionInput = z.input<typeof ProvisionInput>;

/**
 * What a signup made: the tenant, its owner's membership, its subscription and the first workspace
 * (null if none was asked for).
 */
export interface ProvisionedTenant {
  readonly tenant: Tenant;
  /** The owner, as `members.get` answers for them: pass `owner.userId` to `tenancy.as`. */
  readonly owner: Member;
  readonly subscription: Subscription;
  readonly workspace: Workspace | null;
}

type Input = z.output<typeof ProvisionInput>;

/**
 * Creates a tenant with its owner, subscription, default settings and
 * optional first workspace. NileDB cannot write shared and tenant tables in
 * one transaction, so it runs three units: claim (tenant row in
 * `provisioning`, owner, claim), fill (the tenant's own rows), publish (the
 * tenant turns `active`, and its `tenant.provision` event is written). Until published the tenant is invisible; a failure
 * undoes the claim, and a retry with the same idempotency key resumes.
 */
export function provisionTenant(
  env: TenancyEnv,
  raw: unknown,
  operator: string | null = null,
): ResultAsync<ProvisionedTenant, RookeryError> {
  return safeTry(async function* () {
    const input = yield* parseWith(ProvisionInput, raw, "provisioning input");
    const plan = planOf(env, input.plan);
    if (plan === undefined) {
      return err(
        RookeryErrors.validation([{ path: "plan", message: `unknown plan '${input.plan}'` }]),
      );
    }
    const tenantId =
      input.idempotencyKey === undefined
        ? (env.ids() as TenantId)
        : tenantIdForKey(input.idempotencyKey, ownerKey(input.owner));
    const claimed = yield* env.adapter.platform((unit) => claimTenant(env, unit, tenantId, input));
    const owner = claimed.owner;
    if (claimed.tenant.status !== "provisioning" || owner === null) {
      return finished(env, claimed.tenant);
    }
    const filled = await env.adapter.tenant(tenantId, (unit) =>
      fillTenant(env, unit, input, owner, plan.limits),
    );
    const done = { ...claimed, owner };
    if (filled.isErr()) return compensate(env, tenantId, done, filled.error);
    const published = await publishTenant(
      env,
      tenantId,
      { name: input.name, plan: input.plan, ownerId: owner.id },
      operator,
    );
    if (published.isErr()) return compensate(env, tenantId, done, published.error);
    return ok({
      ...filled.value,
      tenant: published.value,
      owner: toMember(filled.value.owner, owner),
    });
  });
}

interface Claimed {
  readonly tenant: Tenant;
  /** Null when the tenant was already provisioned: nothing was looked up or claimed. */
  readonly owner: User | null;
  readonly createdOwner: boolean;
}

/** The owner as the request names them: part of what an idempotency key stands for. */
function ownerKey(owner: Input["owner"]): string {
  if ("userId" in owner) return `user:${owner.userId}`;
  return owner.subject === undefined ? `email:${owner.email}` : `subject:${owner.subject}`;
}

function claimTenant(env: TenancyEnv, unit: PlatformUnit, tenantId: TenantId, input: Input) {
  return safeTry(async function* () {
    const at = nowIso(env);
    let tenant = yield* unit.tenants.get(tenantId);
    if (tenant !== null && tenant.name !== input.name) {
      return err(
        RookeryErrors.conflict("tenant", "This idempotency key was used for another tenant."),
      );
    }
    // A finished signup is replayed from the store: touch nothing (no user row, no claim).
    if (tenant !== null && tenant.status !== "provisioning") {
      return ok<Claimed>({ tenant, owner: null, createdOwner: false });
    }
    tenant ??= yield* unit.tenants.insert({
      id: tenantId,
      name: input.name,
      status: "provisioning",
      deletedAt: null,
      createdAt: at,
      updatedAt: at,
    });
    let owner: User | null;
    let createdOwner = false;
    if ("userId" in input.owner) {
      owner = yield* unit.users.get(input.owner.userId);
      if (owner === null) return err(RookeryErrors.notFound("user", "The owner does not exist."));
    } else {
      const registered = yield* registerIn(env, unit, input.owner);
      owner = registered.user;
      createdOwner = registered.created;
    }
    const claim = await unit.claims.claim({ userId: owner.id, tenantId, claimedAt: at });
    if (claim.isErr()) {
      return err(
        claim.error.code === "CONFLICT"
          ? RookeryErrors.conflict("user", "The owner already belongs to a tenant.")
          : claim.error,
      );
    }
    return ok<Claimed>({ tenant, owner, createdOwner });
  });
}

function fillTenant(
  env: TenancyEnv,
  unit: TenantUnit,
  input: Input,
  owner: User,
  limits: Subscription["limits"],
) {
  return safeTry(async function* () {
    const at = nowIso(env);
    const existing = yield* unit.memberships.owner();
    if (existing === null) {
      yield* unit.memberships.insert({
        tenantId: unit.tenantId,
        userId: owner.id,
        role: "owner",
        createdAt: at,
        updatedAt: at,
      });
      yield* unit.subscription.insert({
        tenantId: unit.tenantId,
        plan: input.plan,
        status: input.subscriptionStatus,
        limits,
        createdAt: at,
        updatedAt: at,
      });
      yield* unit.settings.putTenant({
        tenantId: unit.tenantId,
        values: defaultSettings(env),
        createdAt: at,
        updatedAt: at,
      });
      if (input.firstWorkspace !== undefined) {
        yield* unit.workspaces.insert({
          tenantId: unit.tenantId,
          id: env.ids() as WorkspaceId,
          name: input.firstWorkspace.name,
          status: "active",
          createdAt: at,
          updatedAt: at,
        });
      }
    }
    return readProvisioned(unit);
  });
}

/** What a provisioning made, read back in the tenant's unit. */
function readProvisioned(unit: TenantUnit) {
  return safeTry(async function* () {
    const owner = yield* unit.memberships.owner();
    const subscription = yield* unit.subscription.get();
    if (owner === null || subscription === null)
      return err(
        RookeryErrors.internal(
          "The tenant has no owner or no subscription: its stored data is inconsistent.",
        ),
      );
    const first = yield* unit.workspaces.list({ limit: 1 });
    return ok({ owner, subscription, workspace: first.items[0] ?? null });
  });
}

/** Returns what an earlier, completed provisioning made (the idempotent replay). */
function finished(env: TenancyEnv, tenant: Tenant): ResultAsync<ProvisionedTenant, RookeryError> {
  return safeTry(async function* () {
    const provisioned = yield* env.adapter.tenant(tenant.id, readProvisioned, { intent: "read" });
    const user = yield* env.adapter.platform((unit) => unit.users.get(provisioned.owner.userId), {
      intent: "read",
    });
    if (user === null)
      return err(
        RookeryErrors.internal(
          "The tenant's owner has no user row: the stored data is inconsistent.",
        ),
      );
    return ok({ ...provisioned, tenant, owner: toMember(provisioned.owner, user) });
  });
}

/** Undoes the claim step after a later step failed, then reports the original failure. */
async function compensate(
  env: TenancyEnv,
  tenantId: TenantId,
  claimed: Claimed & { readonly owner: User },
  cause: RookeryError,
): Promise<Result<never, RookeryError>> {
  await discardTenant(env, tenantId, (unit) =>
    claimed.createdOwner ? unit.users.remove(claimed.owner.id) : okAsync(undefined),
  );
  return err(cause);
}
