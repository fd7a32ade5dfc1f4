import type { InvitedRole, RookeryError, Scope } from "@rookery/core";
import { ok, type ResultAsync, safeTry } from "neverthrow";

export interface Colleague {
  readonly email: string;
  readonly role?: InvitedRole;
}

export interface OnboardingReport {
  /** Invited now, with the token to send each one (shown this once). */
  readonly invited: readonly { readonly email: string; readonly token: string }[];
  /** Not invited: the plan has no seat left for them once the live invitations are counted. */
  readonly waitlisted: readonly string[];
  /** Already a member, or already holding a live invitation. */
  readonly skipped: readonly string[];
}

/**
 * The owner's "invite your team" step after sign-up: invites the colleagues
 * the plan has seats for and waitlists the rest. Rookery takes a seat only when
 * an invitation is accepted, so this counts live (pending, unexpired)
 * invitations as seats promised, so no one is invited to a seat that will not
 * be there. Reading the plan is billing, the owner's alone: an admin gets
 * FORBIDDEN.
 */
export function onboardTeam(
  scope: Scope,
  colleagues: readonly Colleague[],
  now: () => Date,
): ResultAsync<OnboardingReport, RookeryError> {
  return safeTry(async function* () {
    const { limits } = yield* scope.subscription.get();
    const members = yield* scope.members.list({ limit: 100 });
    const pending = yield* scope.invitations.list({ status: "pending", limit: 100 });
    const live = pending.items.filter((i) => Date.parse(i.expiresAt) > now().getTime());
    const taken = new Set([...members.items, ...live].map((p) => p.email?.toLowerCase()));
    let free = limits.seats - members.items.length - live.length;

    const invited: { email: string; token: string }[] = [];
    const waitlisted: string[] = [];
    const skipped: string[] = [];
    for (const colleague of colleagues) {
      const email = colleague.email.toLowerCase();
      if (taken.has(email)) skipped.push(email);
      else if (free <= 0) waitlisted.push(email);
      else {
        const issued = yield* scope.invitations.create({
          email,
          ...(colleague.role === undefined ? {} : { role: colleague.role }),
        });
        invited.push({ email, token: issued.token });
        taken.add(email);
        free -= 1;
      }
    }
    return ok({ invited, waitlisted, skipped });
  });
}
