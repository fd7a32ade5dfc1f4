import { z } from "zod";
import type { Clock } from "../clock.js";
import type { IdGenerator } from "../ids.js";
import type { ResourceScope } from "../model/resource.js";
import { PlanLimits, type SubscriptionStatus } from "../model/subscription.js";
import type { RookeryAdapter } from "../port/adapter.js";

/** A plan of the application's catalogue. */
export interface PlanDefinition {
  readonly limits: PlanLimits;
}

/** A resource type the application declares: where it lives and what its data looks like. */
export interface ResourceTypeDefinition<Schema extends z.ZodType = z.ZodType> {
  readonly scope: ResourceScope;
  /** Validates `data` on create and update; its output is what is stored. */
  readonly schema: Schema;
}

/** The application's resource types by name, each with its scope and zod schema. */
export type ResourceCatalogue = Readonly<Record<string, ResourceTypeDefinition>>;

/** Company-wide settings: a zod object whose fields all have defaults. */
export interface SettingsDefinition<Schema extends z.ZodObject = z.ZodObject> {
  readonly schema: Schema;
  /** The keys a workspace may override; the others are company-wide only. */
  readonly workspaceOverridable?: readonly (keyof z.output<Schema> & string)[];
}

/** Signing of job tokens, so a job queue cannot be used to act as somebody else. */
export interface JobConfig {
  /** At least 32 bytes of secret, shared by the processes that create and resume jobs. */
  readonly secret: string;
  /** How long a token stays valid; one day by default. */
  readonly ttlSeconds?: number;
}

/**
 * What a tenant's users may do while its subscription is in a status: `full`,
 * or `read-only` (reads, plus what settles the account: billing, offboarding
 * and exporting, transferring ownership, removing members; leaving is always
 * allowed).
 */
export type SubscriptionAccess = "full" | "read-only";

/** The access each troubled subscription status gives; `trialing` and `active` are always full. */
export interface SubscriptionAccessRule {
  /** `full` by default: a grace period while the billing provider retries. */
  readonly past_due?: SubscriptionAccess;
  /** `read-only` by default. */
  readonly canceled?: SubscriptionAccess;
}

/** How invitations behave. */
export interface InvitationConfig {
  /** How long an invitation's token stays valid; 7 days by default. Resending starts it again. */
  readonly ttlSeconds?: number;
}

/**
 * What `createTenancy` takes: the adapter, the plans, the resource types, the settings and the
 * options.
 */
export interface TenancyConfig<
  Resources extends ResourceCatalogue = ResourceCatalogue,
  Settings extends z.ZodObject = z.ZodObject,
> {
  readonly adapter: RookeryAdapter;
  /** The plan catalogue, by plan slug. */
  readonly plans: Readonly<Record<string, PlanDefinition>>;
  readonly settings?: SettingsDefinition<Settings>;
  readonly resources?: Resources;
  /** How long an offboarded tenant's data is kept before it may be purged. 30 days by default. */
  readonly retentionDays?: number;
  readonly jobs?: JobConfig;
  readonly invitations?: InvitationConfig;
  /** What a past-due or canceled subscription restricts. */
  readonly subscriptionAccess?: SubscriptionAccessRule;
  /** Id source; time-ordered UUIDs by default. Inject `sequentialIds()` for deterministic tests. */
  readonly ids?: IdGenerator;
  /** Time source; the system clock by default. */
  readonly clock?: Clock;
}

const slug = /^[a-z][a-z0-9_-]{0,62}$/;

/**
 * The policy's own resource types, and the nouns of Rookery's own audit
 * actions: an application type of the same name would merge with them, and
 * its events would be mistaken for Rookery's.
 */
const BUILTIN_TYPES = new Set([
  "tenant",
  "membership",
  "billing",
  "member",
  "settings",
  "audit",
  "workspace",
  "invitation",
  "subscription",
  "ownership",
]);

/** Checks the parts of a configuration that zod can check, before anything runs. */
export const TenancyConfigShape = z.object({
  plans: z
    .record(
      z.string().regex(slug, "plan names must be slugs"),
      z.strictObject({ limits: PlanLimits }),
    )
    .refine((plans) => Object.keys(plans).length > 0, "declare at least one plan"),
  resources: z
    .record(
      z
        .string()
        .regex(slug, "resource types must be slugs")
        .refine((type) => !BUILTIN_TYPES.has(type), "this name is one of Rookery's own types"),
      z.object({
        scope: z.enum(["workspace", "tenant"]),
        schema: z.custom<z.ZodType>(isZodSchema),
      }),
    )
    .optional(),
  settings: z
    .object({
      schema: z.custom<z.ZodObject>((value) => value instanceof z.ZodObject, "must be a z.object"),
      workspaceOverridable: z.array(z.string()).optional(),
    })
    .optional(),
  retentionDays: z.number().int().min(0).max(3650).optional(),
  jobs: z
    .object({
      secret: z.string().min(32, "use a secret of at least 32 characters"),
      ttlSeconds: z.number().int().min(1).optional(),
    })
    .optional(),
  invitations: z
    .object({
      ttlSeconds: z
        .number()
        .int()
        .min(60)
        .max(90 * 86_400)
        .optional(),
    })
    .optional(),
});

function isZodSchema(value: unknown): boolean {
  return value instanceof z.ZodType;
}

/** The rule as a function of the status, with its defaults. */
export function accessRule(
  rule: SubscriptionAccessRule = {},
): (status: SubscriptionStatus | null) => SubscriptionAccess {
  const pastDue = rule.past_due ?? "full";
  const canceled = rule.canceled ?? "read-only";
  return (status) => (status === "past_due" ? pastDue : status === "canceled" ? canceled : "full");
}
