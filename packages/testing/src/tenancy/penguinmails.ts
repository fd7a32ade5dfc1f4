import {
  createTenancy,
  type IdGenerator,
  type ResourceId,
  type RookeryAdapter,
  type Scope,
  type SubscriptionAccessRule,
  type Tenancy,
  type TenantId,
  type UserId,
  type WorkspaceId,
} from "@rookery/core";
import { z } from "zod";
import { type ManualClock, manualClock, sequentialIds } from "../deterministic.js";
import { expectOk } from "../expect-result.js";
import { buildWorldTenant } from "./world-tenant.js";

/**
 * A PenguinMails-like application: two plans, company settings with some keys
 * a workspace may override, and the four resource types of the seed
 * (campaigns, domains and contacts per workspace, templates per tenant).
 * A factory, so that no test can change another test's configuration.
 */
export function penguinMails() {
  return {
    plans: {
      starter: { limits: { seats: 3, workspaces: 2 } },
      growth: { limits: { seats: 10, workspaces: 5 } },
    },
    settings: {
      schema: z.strictObject({
        timezone: z.string().min(1).max(64).default("UTC"),
        sendingWindow: z
          .strictObject({
            start: z.number().int().min(0).max(23),
            end: z.number().int().min(1).max(24),
          })
          .default({ start: 8, end: 18 }),
        signature: z.string().max(500).default(""),
        trackOpens: z.boolean().default(true),
      }),
      workspaceOverridable: ["sendingWindow", "signature", "trackOpens"] as const,
    },
    resources: {
      campaign: {
        scope: "workspace" as const,
        schema: z.strictObject({
          subject: z.string().min(1).max(200),
          status: z.enum(["draft", "scheduled", "sent"]),
        }),
      },
      domain: {
        scope: "workspace" as const,
        schema: z.strictObject({ hostname: z.string().min(3).max(253), verified: z.boolean() }),
      },
      contact: {
        scope: "workspace" as const,
        schema: z.strictObject({ email: z.email(), name: z.string().max(200) }),
      },
      template: {
        scope: "tenant" as const,
        schema: z.strictObject({ name: z.string().min(1).max(200), html: z.string().max(100_000) }),
      },
    },
  };
}

/**
 * PenguinMails' resource types: campaigns, domains and contacts per workspace, templates per
 * tenant.
 */
export type PenguinResources = ReturnType<typeof penguinMails>["resources"];
/** A tenancy over PenguinMails' resource types. */
export type PenguinTenancy = Tenancy<PenguinResources>;
/** A scope of a PenguinMails tenancy. */
export type PenguinScope = Scope<PenguinResources>;

/** A job secret for tests only: 32 characters, as `createTenancy` requires. */
export const TEST_JOB_SECRET = "conformance-secret-0123456789abcdef";

/**
 * Options of `penguinTenancy` and `tenancyWorld`: a shared id source, the clock, the expiries and
 * the subscription rule.
 */
export interface PenguinTenancyOptions {
  /** Share one id source between tenancies over one store, so that their ids never collide. */
  readonly ids?: IdGenerator;
  readonly clock?: ManualClock;
  readonly retentionDays?: number;
  readonly jobTtlSeconds?: number;
  readonly invitationTtlSeconds?: number;
  readonly subscriptionAccess?: SubscriptionAccessRule;
}

/**
 * PenguinMails' tenancy over `adapter` with deterministic ids and a manual
 * clock, so that every adapter sees the same ids in the same order.
 */
export function penguinTenancy(
  adapter: RookeryAdapter,
  options: PenguinTenancyOptions = {},
): { readonly tenancy: PenguinTenancy; readonly clock: ManualClock } {
  const clock = options.clock ?? manualClock();
  const tenancy = createTenancy({
    adapter,
    ...penguinMails(),
    ids: options.ids ?? sequentialIds(),
    clock: clock.now,
    jobs: {
      secret: TEST_JOB_SECRET,
      ...(options.jobTtlSeconds === undefined ? {} : { ttlSeconds: options.jobTtlSeconds }),
    },
    ...(options.retentionDays === undefined ? {} : { retentionDays: options.retentionDays }),
    ...(options.invitationTtlSeconds === undefined
      ? {}
      : { invitations: { ttlSeconds: options.invitationTtlSeconds } }),
    ...(options.subscriptionAccess === undefined
      ? {}
      : { subscriptionAccess: options.subscriptionAccess }),
  });
  return { tenancy: expectOk(tenancy, "creating the PenguinMails tenancy"), clock };
}

/** The three people of each world tenant, by role. */
export type WorldRole = "owner" | "admin" | "member";
/** The world's roles, for tests that go through each. */
export const WORLD_ROLES: readonly WorldRole[] = ["owner", "admin", "member"];

/** One tenant of the world: its people (as ids and scopes), workspaces and resources. */
export interface WorldTenant {
  readonly tenantId: TenantId;
  readonly ids: Readonly<Record<WorldRole, UserId>>;
  readonly as: Readonly<Record<WorldRole, PenguinScope>>;
  /** The member is assigned here. */
  readonly ws1: WorkspaceId;
  /** Nobody is assigned here. */
  readonly ws2: WorkspaceId;
  readonly campaign1: ResourceId;
  readonly campaign2: ResourceId;
  readonly domain1: ResourceId;
  readonly contact1: ResourceId;
  readonly template: ResourceId;
}

/** Two tenants built alike, their tenancy, clock and id source: what `tenancyWorld` returns. */
export interface TenancyWorld {
  readonly tenancy: PenguinTenancy;
  readonly clock: ManualClock;
  /** The world's id source: pass it to another tenancy over the same store. */
  readonly ids: IdGenerator;
  readonly a: WorldTenant;
  readonly b: WorldTenant;
}

/**
 * Two tenants A and B built alike through the public API: same tenant name,
 * same people's names (e-mails differ, as they must), same workspaces and the
 * same resource data. Only the tenant keeps them apart. Each has an owner, an
 * admin and a member assigned to `ws1` only; `ws2` has nobody assigned. Their
 * subjects are `pat|a`, `ada|a`, `max|a` (and `|b`): the owner signed up, the
 * admin accepted an invitation, the member was registered and added.
 */
export async function tenancyWorld(
  adapter: RookeryAdapter,
  options: PenguinTenancyOptions & { readonly plan?: "starter" | "growth" } = {},
): Promise<TenancyWorld> {
  const ids = options.ids ?? sequentialIds();
  const { tenancy, clock } = penguinTenancy(adapter, { ...options, ids });
  const a = await buildWorldTenant(tenancy, "a", options.plan ?? "growth");
  const b = await buildWorldTenant(tenancy, "b", options.plan ?? "growth");
  return { tenancy, clock, ids, a, b };
}
