import { err, ok, type ResultAsync, safeTry } from "neverthrow";
import { z } from "zod";
import { type RookeryError, RookeryErrors } from "../errors.js";
import { type TenantId, UserId } from "../ids.js";
import { Subject } from "../model/common.js";
import type { InvitationRecord, InvitedRole } from "../model/invitation.js";
import { parseField } from "../parse.js";
import type { TenantUnit } from "../port/tenant-unit.js";
import { nowIso, type TenancyEnv } from "./env.js";
import { readToken, secretMatches, type TokenParts } from "./invitation-token.js";
import { claimIn, type Joining, joinWithClaim } from "./member-claims.js";
import { type Member, seatFree, toMember } from "./members.js";
import { writeAudit } from "./scoped.js";
import { locateUser } from "./users.js";

/** What the holder of an invitation's token may see before answering it. */
export interface InvitationPreview {
  readonly tenant: { readonly id: TenantId; readonly name: string };
  /** The address invited: the accepting user must have it. */
  readonly email: string;
  readonly role: InvitedRole;
  /** The name of who invited them; null when that user has no name (or no longer exists). */
  readonly inviterName: string | null;
  readonly expiresAt: string;
}

/** Who accepts: the signed-in user, by Rookery's id or by their authentication's subject. */
export type InviteeIdentity = { readonly userId: string } | { readonly subject: string };

const InviteeIdentity = z.union([
  z.strictObject({ userId: UserId }),
  z.strictObject({ subject: Subject }),
]);

/**
 * The invitee's side: they belong to no tenant yet, so there is no scope. The
 * token is the only key, and everything but a live invitation with the right
 * secret answers one and the same NOT_FOUND.
 */
export interface InvitationInbox {
  /** The tenant's name, the role and who invited: only to the holder of a live token. */
  inspect(token: string): ResultAsync<InvitationPreview, RookeryError>;
  /**
   * Joins the invited tenant as the signed-in user, whose e-mail must be the
   * one invited. The one-tenant claim is taken now: CONFLICT when they belong
   * to another tenant, LIMIT_EXCEEDED when the plan has no seat left.
   */
  accept(token: string, identity: InviteeIdentity): ResultAsync<Member, RookeryError>;
  /** Turns the invitation down; its token is dead. */
  decline(token: string): ResultAsync<void, RookeryError>;
}

const invalid = () =>
  RookeryErrors.notFound(
    "invitation",
    "This invitation is invalid, expired or already used; ask for a new one.",
  );

export function invitationInbox(env: TenancyEnv): InvitationInbox {
  const tokenParts = (token: unknown) => {
    const parts = readToken(token);
    return parts === null ? err(invalid()) : ok(parts);
  };
  return {
    inspect: (token) =>
      safeTry(async function* () {
        const parts = yield* tokenParts(token);
        const { invitation, tenant } = yield* env.adapter.tenant(
          parts.tenantId,
          (unit) => liveInvitation(env, unit, parts),
          { intent: "read" },
        );
        const inviter = yield* env.adapter.platform(
          (unit) => unit.users.get(invitation.invitedBy),
          {
            intent: "read",
          },
        );
        return ok({
          tenant: { id: tenant.id, name: tenant.name },
          email: invitation.email,
          role: invitation.role,
          inviterName: inviter?.name ?? null,
          expiresAt: invitation.expiresAt,
        });
      }),
    accept: (token, rawIdentity) =>
      safeTry(async function* () {
        const parts = yield* tokenParts(token);
        const identity = yield* parseField(InviteeIdentity, rawIdentity, "identity");
        const { invitation } = yield* env.adapter.tenant(
          parts.tenantId,
          (unit) => liveInvitation(env, unit, parts),
          { intent: "read" },
        );
        const { user, claim, joining } = yield* env.adapter.platform((unit) =>
          safeTry(async function* () {
            const location = yield* locateUser(unit, identity);
            if (location === null)
              return err(
                RookeryErrors.notFound("user", "No user has this identity: register them first."),
              );
            const found = location.user;
            if (found.email !== invitation.email) {
              return err(
                RookeryErrors.forbidden(
                  "This invitation is for another e-mail address; sign in with the address it was sent to.",
                ),
              );
            }
            const joining: Joining = {
              tenantId: parts.tenantId,
              actorId: found.id,
              taken: RookeryErrors.conflict(
                "user",
                "You already belong to another organisation; leave it before accepting.",
              ),
            };
            return ok({
              user: found,
              claim: yield* claimIn(env, unit, joining, found.id),
              joining,
            });
          }),
        );
        const membership = yield* joinWithClaim(env, joining, claim, () =>
          env.adapter.tenant(parts.tenantId, (unit) => join(env, unit, parts, user.id), {
            actorId: user.id,
          }),
        );
        return ok(toMember(membership, user));
      }),
    decline: (token) =>
      safeTry(async function* () {
        const parts = yield* tokenParts(token);
        return env.adapter.tenant(parts.tenantId, (unit) =>
          safeTry(async function* () {
            const { invitation } = yield* liveInvitation(env, unit, parts);
            yield* unit.invitations.update(invitation.id, {
              status: "declined",
              updatedAt: nowIso(env),
            });
            // The invitee may have no account: the platform (null) records it.
            yield* writeAudit(env, unit, null, {
              action: "invitation.decline",
              target: { type: "invitation", id: invitation.id },
              before: { status: "pending" },
              after: { status: "declined" },
            });
            return ok(undefined);
          }),
        );
      }),
  };
}

/**
 * The invitation the token names, if it is live: pending, unexpired, with the
 * token's secret (compared in constant time), in a tenant that is visible.
 * Anything else is the one NOT_FOUND; only then is the tenant's status told.
 */
function liveInvitation(env: TenancyEnv, unit: TenantUnit, parts: TokenParts) {
  return safeTry(async function* () {
    const tenant = yield* unit.tenant.get();
    const invitation = yield* unit.invitations.get(parts.invitationId);
    if (
      tenant === null ||
      tenant.status === "provisioning" ||
      invitation === null ||
      !secretMatches(parts.secret, invitation.secretHash) ||
      invitation.status !== "pending" ||
      invitation.expiresAt <= nowIso(env)
    ) {
      return err(invalid());
    }
    if (tenant.status === "suspended" || tenant.status === "deleted")
      return err(RookeryErrors.tenantInactive(tenant.status));
    return ok({ invitation, tenant });
  });
}

/** In the tenant's write unit: the invitation checked again, a seat, the membership, its workspaces. */
function join(env: TenancyEnv, unit: TenantUnit, parts: TokenParts, userId: UserId) {
  return safeTry(async function* () {
    const { invitation } = yield* liveInvitation(env, unit, parts);
    if ((yield* unit.memberships.get(userId)) !== null)
      return err(
        RookeryErrors.conflict("membership", "You are already a member of this organisation."),
      );
    // Joining is a change: a tenant that its subscription left read-only takes nobody in.
    const status = (yield* unit.subscription.get())?.status ?? null;
    if (env.accessFor(status) === "read-only") {
      return err(
        RookeryErrors.subscriptionInactive(status === "past_due" ? "past_due" : "canceled"),
      );
    }
    yield* seatFree(unit);
    const at = nowIso(env);
    const membership = yield* unit.memberships.insert({
      tenantId: unit.tenantId,
      userId,
      role: invitation.role,
      createdAt: at,
      updatedAt: at,
    });
    // A workspace deleted since the invitation was made is skipped, not an error.
    for (const workspaceId of invitation.workspaceIds) {
      if ((yield* unit.workspaces.get(workspaceId)) === null) continue;
      yield* unit.assignments.add({ tenantId: unit.tenantId, workspaceId, userId, createdAt: at });
    }
    yield* unit.invitations.update(invitation.id, {
      status: "accepted",
      acceptedBy: userId,
      updatedAt: at,
    });
    yield* acceptanceEvents(env, unit, invitation, userId);
    return ok(membership);
  });
}

function acceptanceEvents(
  env: TenancyEnv,
  unit: TenantUnit,
  invitation: InvitationRecord,
  userId: UserId,
) {
  return writeAudit(env, unit, userId, {
    action: "invitation.accept",
    target: { type: "invitation", id: invitation.id },
    before: { status: "pending" },
    after: { status: "accepted", userId },
  }).andThen(() =>
    writeAudit(env, unit, userId, {
      action: "member.add",
      target: { type: "user", id: userId },
      after: { role: invitation.role, invitationId: invitation.id },
    }),
  );
}
