import type { Clock } from "../clock.js";
import type { IdGenerator } from "../ids.js";
import type { SubscriptionStatus } from "../model/subscription.js";
import type { RookeryAdapter } from "../port/adapter.js";
import type { Authorizer } from "./authorizer.js";
import type {
  JobConfig,
  PlanDefinition,
  ResourceCatalogue,
  SettingsDefinition,
  SubscriptionAccess,
} from "./config.js";
import type { EventDelivery } from "./event-delivery.js";

/** Everything the services share, resolved once by `createTenancy`. */
export interface TenancyEnv {
  /** The guarded adapter, whose units hand their events over once they commit. */
  readonly adapter: RookeryAdapter;
  readonly events: EventDelivery;
  readonly authorizer: Authorizer;
  readonly plans: Readonly<Record<string, PlanDefinition>>;
  readonly resources: ResourceCatalogue;
  readonly settings: SettingsDefinition | undefined;
  readonly retentionDays: number;
  readonly jobs: JobConfig | undefined;
  /** How long an invitation stays valid, in milliseconds. */
  readonly invitationTtlMs: number;
  /** The access of a tenant whose subscription has this status. */
  readonly accessFor: (status: SubscriptionStatus | null) => SubscriptionAccess;
  readonly ids: IdGenerator;
  readonly clock: Clock;
}

/**
 * A plan of the catalogue by name, own keys only: `constructor` or
 * `__proto__` name no plan, whatever Object's prototype holds.
 */
export const planOf = (env: TenancyEnv, name: string): PlanDefinition | undefined =>
  Object.hasOwn(env.plans, name) ? env.plans[name] : undefined;

/** The current time as the ISO string every row stores. */
export const nowIso = (env: TenancyEnv): string => env.clock().toISOString();
