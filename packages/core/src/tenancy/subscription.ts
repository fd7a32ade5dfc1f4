import { err, ok, okAsync, type ResultAsync, safeTry } from "neverthrow";
import type { z } from "zod";
import { type RookeryError, RookeryErrors } from "../errors.js";
import { Slug } from "../model/common.js";
import { type Subscription, SubscriptionStatus } from "../model/subscription.js";
import { parseField } from "../parse.js";
import { nowIso, planOf, type TenancyEnv } from "./env.js";
import { runScoped, type ScopedUnit, type ScopeIdentity } from "./scoped.js";

/** The tenant's one subscription. Billing is the owner's alone. */
export interface SubscriptionService {
  get(): ResultAsync<Subscription, RookeryError>;
  /** Moves to another plan of the catalogue; refused while usage exceeds the new plan's limits. */
  changePlan(plan: string): ResultAsync<Subscription, RookeryError>;
  setStatus(status: z.input<typeof SubscriptionStatus>): ResultAsync<Subscription, RookeryError>;
}

export function subscriptionService(env: TenancyEnv, who: ScopeIdentity): SubscriptionService {
  const billing = <T>(
    intent: "read" | "write",
    action: "billing.read" | "billing.update",
    body: (s: ScopedUnit, current: Subscription) => ResultAsync<T, RookeryError>,
  ) =>
    runScoped(env, who, intent, (s) =>
      safeTry(async function* () {
        yield* s.env.authorizer.authorize(s.actor, action, { tenantId: s.unit.tenantId });
        const current = yield* s.unit.subscription.get();
        if (current === null)
          return err(
            RookeryErrors.internal(
              "The tenant has no subscription: its stored data is inconsistent.",
            ),
          );
        return body(s, current);
      }),
    );

  return {
    get: () => billing("read", "billing.read", (_s, current) => okAsync(current)),
    changePlan: (raw) =>
      safeTry(async function* () {
        const plan = yield* parseField(Slug, raw, "plan");
        const definition = planOf(env, plan);
        if (definition === undefined) {
          return err(
            RookeryErrors.validation([{ path: "plan", message: `unknown plan '${plan}'` }]),
          );
        }
        return billing("write", "billing.update", (s, current) =>
          safeTry(async function* () {
            const seats = yield* s.unit.memberships.count();
            if (seats > definition.limits.seats)
              return err(RookeryErrors.limitExceeded("seats", definition.limits.seats));
            const workspaces = yield* s.unit.workspaces.count();
            if (workspaces > definition.limits.workspaces) {
              return err(RookeryErrors.limitExceeded("workspaces", definition.limits.workspaces));
            }
            const updated = yield* s.unit.subscription.update({
              plan,
              limits: definition.limits,
              updatedAt: nowIso(env),
            });
            yield* s.audit({
              action: "subscription.change_plan",
              target: { type: "subscription", id: s.unit.tenantId },
              before: { plan: current.plan },
              after: { plan },
            });
            return ok(updated);
          }),
        );
      }),
    setStatus: (raw) =>
      safeTry(async function* () {
        const status = yield* parseField(SubscriptionStatus, raw, "status");
        return billing("write", "billing.update", (s, current) =>
          safeTry(async function* () {
            const updated = yield* s.unit.subscription.update({ status, updatedAt: nowIso(env) });
            yield* s.audit({
              action: "subscription.set_status",
              target: { type: "subscription", id: s.unit.tenantId },
              before: { status: current.status },
              after: { status },
            });
            return ok(updated);
          }),
        );
      }),
  };
}
