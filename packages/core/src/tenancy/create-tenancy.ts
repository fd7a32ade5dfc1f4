import type { Policy, PolicyDefinition } from "@rookery/policy";
import { err, ok, type Result, type ResultAsync, safeTry } from "neverthrow";
import type { z } from "zod";
import { systemClock } from "../clock.js";
import { type RookeryError, RookeryErrors } from "../errors.js";
import { uuidv7 } from "../ids.js";
import { safeParse } from "../parse.js";
import { guardAdapter } from "../runtime/guard-adapter.js";
import {
  accessRule,
  type ResourceCatalogue,
  type TenancyConfig,
  TenancyConfigShape,
} from "./config.js";
import { type ScopeContext, scopeContext } from "./context.js";
import { type CallerIdentity, resolveIdentity } from "./entry.js";
import type { TenancyEnv } from "./env.js";
import { eventDelivery, type TenancyEvents } from "./event-delivery.js";
import { type InvitationInbox, invitationInbox } from "./invitation-inbox.js";
import { verifyJobToken } from "./job-token.js";
import { withOutbox } from "./outbox.js";
import { type PlatformHandle, platformHandle } from "./platform.js";
import {
  type DefaultPolicyDefinition,
  defaultTenancyPolicy,
  policyAuthorizer,
  policyGaps,
  type TenancyPolicy,
} from "./policy-authorizer.js";
import { makeScope, type Scope } from "./scope.js";

/**
 * The entry point of an application's tenancy, typed by its resource types
 * and its settings schema.
 */
export interface Tenancy<
  Resources extends ResourceCatalogue = ResourceCatalogue,
  Settings extends z.ZodObject = z.ZodObject,
> {
  /** Operator actions across tenants: provisioning, suspension, offboarding. */
  readonly platform: PlatformHandle;
  /**
   * The scope of an authenticated user: the only way to do tenant work.
   *
   * - `as({ userId, tenantId })`, when the session already carries the tenant:
   *   reads nothing. Every call of the scope re-reads the actor in its own unit
   *   of work, so a wrong or stale tenant answers NOT_FOUND there, as a foreign
   *   id does, and a removed member is refused on the very next call.
   * - `as(userId)`: one read finds the user's tenant. NOT_FOUND when the user
   *   belongs to no tenant; TENANT_INACTIVE when theirs is suspended or deleted.
   */
  as(identity: CallerIdentity): ResultAsync<Scope<Resources, Settings>, RookeryError>;
  /**
   * The invitee's side of invitations: inspect, accept or decline with the
   * token the invitation was sent with. Invitees belong to no tenant yet, so
   * this needs no scope.
   */
  readonly invitations: InvitationInbox;
  /** Resumes a scope from `scope.toJob()`, re-checking that the user is still a member. */
  fromJob(token: string): ResultAsync<Scope<Resources, Settings>, RookeryError>;
  /**
   * Every change the audit log records, as a typed event, delivered after the
   * change commits and at least once (`subscribe`), with a sweep that
   * delivers what a crash left pending.
   */
  readonly events: TenancyEvents<Resources>;
  /** Optional AsyncLocalStorage binding of a scope, for frameworks. */
  readonly context: ScopeContext<Scope<Resources, Settings>>;
}

/** The options of `createTenancy`, as an application writes them (the policy optional). */
export interface TenancyOptions<
  Resources extends ResourceCatalogue,
  Settings extends z.ZodObject,
  Definition extends PolicyDefinition,
> extends TenancyConfig<Resources, Settings> {
  /**
   * The policy deciding every call: the Owner / Admin / Member table over the
   * declared resource types by default (`tenancyPolicy` of @rookery/policy).
   * A policy that lacks an action the services ask about, or one of the three
   * roles, does not compile (and is a CONFIGURATION error at run time).
   */
  readonly policy?: TenancyPolicy<Definition, Resources>;
}

/**
 * Builds the tenancy over an adapter. The configuration is checked once, here:
 * an invalid one is a VALIDATION error rather than a failure on first use.
 */
export function createTenancy<
  Resources extends ResourceCatalogue,
  Settings extends z.ZodObject = z.ZodObject,
  Definition extends PolicyDefinition = DefaultPolicyDefinition<Resources>,
>(
  options: TenancyOptions<Resources, Settings, Definition>,
): Result<Tenancy<Resources, Settings>, RookeryError> {
  // The configuration is read once, here: a value whose reads throw (a getter,
  // a Proxy) is a VALIDATION error like any other bad configuration.
  try {
    return buildTenancy(options);
  } catch {
    return err(
      RookeryErrors.validation(
        [{ path: "", message: "could not be read" }],
        "tenancy configuration",
      ),
    );
  }
}

function buildTenancy<
  Resources extends ResourceCatalogue,
  Settings extends z.ZodObject,
  Definition extends PolicyDefinition,
>(
  options: TenancyOptions<Resources, Settings, Definition>,
): Result<Tenancy<Resources, Settings>, RookeryError> {
  const shape = safeParse(TenancyConfigShape, options);
  if (shape.isErr()) return err(RookeryErrors.validation(shape.error, "tenancy configuration"));
  const schema = options.settings?.schema;
  if (schema !== undefined && safeParse(schema, {}).isErr()) {
    return err(
      RookeryErrors.validation(
        [{ path: "settings.schema", message: "every setting needs a default" }],
        "tenancy configuration",
      ),
    );
  }
  const resources: ResourceCatalogue = options.resources ?? {};
  // One erasure, after the compile-time check above and the run-time one here.
  const policy = (options.policy ?? defaultTenancyPolicy(resources)) as unknown as Policy;
  const gaps = policyGaps(policy, resources);
  if (gaps.length > 0) {
    return err(
      RookeryErrors.configuration(
        `The policy cannot decide every call of the services: it lacks ${gaps.join(", ")}.`,
      ),
    );
  }
  const clock = options.clock ?? systemClock;
  const events = eventDelivery(() => env.adapter, clock);
  const env: TenancyEnv = {
    // Core checks isolation on every repository call too: an adapter bug fails closed.
    // Every unit's events go to delivery once it commits.
    adapter: withOutbox(guardAdapter(options.adapter), events),
    events,
    authorizer: policyAuthorizer(policy, resources),
    plans: options.plans,
    resources,
    settings: options.settings,
    retentionDays: options.retentionDays ?? 30,
    jobs: options.jobs,
    invitationTtlMs: (options.invitations?.ttlSeconds ?? 7 * 86_400) * 1000,
    accessFor: accessRule(options.subscriptionAccess),
    ids: options.ids ?? uuidv7,
    clock,
  };
  const as = (identity: CallerIdentity) =>
    resolveIdentity(env, identity).map((who) => makeScope<Resources, Settings>(env, who));
  return ok({
    platform: platformHandle(env),
    as,
    invitations: invitationInbox(env),
    events: events.api as TenancyEvents<Resources>,
    fromJob: (token) =>
      safeTry(async function* () {
        const who = yield* verifyJobToken(env.jobs, token, env.clock());
        const scope = yield* as(who.userId);
        // The user moved to another tenant since: the job's tenant is no longer theirs.
        if (scope.tenantId !== who.tenantId) return err(RookeryErrors.notFound("membership"));
        return ok(scope);
      }),
    context: scopeContext<Scope<Resources, Settings>>(),
  });
}
