import { err, ok, type ResultAsync, safeTry } from "neverthrow";
import { z } from "zod";
import { type RookeryError, RookeryErrors } from "../errors.js";
import { InvitationId, type UserId, WorkspaceId } from "../ids.js";
import { Email } from "../model/common.js";
import {
  type Invitation,
  type InvitationRecord,
  InvitationStatus,
  InvitedRole,
} from "../model/invitation.js";
import { type Page, PageRequest } from "../model/page.js";
import { parseField, parseWith } from "../parse.js";
import { nowIso, type TenancyEnv } from "./env.js";
import { issueToken } from "./invitation-token.js";
import { runScoped, type ScopedUnit, type ScopeIdentity } from "./scoped.js";
import { findWorkspace } from "./workspaces.js";

/** An invitation and its token. The token is shown once: only a hash of its secret is kept. */
export interface IssuedInvitation {
  readonly invitation: Invitation;
  /** Send it to the invitee (a link with it): it is what `tenancy.invitations.accept` takes. */
  readonly token: string;
}

/**
 * Whom to invite: an e-mail, a role (member by default, never owner) and, for members, workspaces.
 */
export const InviteInput = z
  .strictObject({
    email: Email,
    role: InvitedRole.default("member"),
    workspaceIds: z.array(WorkspaceId).max(100).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.role !== "member" && (input.workspaceIds?.length ?? 0) > 0)
      ctx.addIssue({
        code: "custom",
        path: ["workspaceIds"],
        message: "only members are assigned to workspaces; admins see them all",
      });
  });
/**
 * Whom to invite: an e-mail, a role (member by default, never owner) and, for members, workspaces.
 */
export type InviteInput = z.input<typeof InviteInput>;

/** A page of the tenant's invitations, optionally of one status. */
export const InvitationListInput = PageRequest.extend({ status: InvitationStatus.optional() });
/** A page of the tenant's invitations, optionally of one status. */
export type InvitationListInput = z.input<typeof InvitationListInput>;

/**
 * A tenant's invitations, for its owners and admins. Creating one looks
 * nothing up about the address: whether the person has an account, or
 * belongs to another tenant, is found out only when they accept.
 */
export interface InvitationsService {
  /** Invites by e-mail with a role (never owner) and, for members, workspaces. */
  create(input: InviteInput): ResultAsync<IssuedInvitation, RookeryError>;
  /** The tenant's invitations, oldest first; `status` narrows them. */
  list(query?: InvitationListInput): ResultAsync<Page<Invitation>, RookeryError>;
  /** Withdraws a pending invitation: its token is dead. */
  revoke(invitationId: string): ResultAsync<Invitation, RookeryError>;
  /** A new token and a new expiry for a pending invitation; the old token is dead. */
  resend(invitationId: string): ResultAsync<IssuedInvitation, RookeryError>;
}

export function invitationsService(env: TenancyEnv, who: ScopeIdentity): InvitationsService {
  const pending = <T>(
    rawId: string,
    change: (s: ScopedUnit, current: InvitationRecord) => ResultAsync<T, RookeryError>,
  ) =>
    safeTry(async function* () {
      const id = yield* parseField(InvitationId, rawId, "invitationId");
      return runScoped(env, who, "write", (s) =>
        safeTry(async function* () {
          yield* mayManage(s);
          const current = yield* s.unit.invitations.get(id);
          if (current === null) return err(RookeryErrors.notFound("invitation"));
          if (current.status !== "pending")
            return err(RookeryErrors.invariant(`The invitation was already ${current.status}.`));
          return change(s, current);
        }),
      );
    });

  return {
    create: (raw) =>
      safeTry(async function* () {
        const input = yield* parseWith(InviteInput, raw, "invitation");
        const workspaceIds = [...new Set(input.workspaceIds ?? [])].sort();
        return runScoped(env, who, "write", (s) =>
          safeTry(async function* () {
            // The same decision as adding a member: no owner, no role above the inviter's.
            // The invitee has no user id yet (nothing is looked up); the policy needs only some id.
            const newcomer = { userId: "invitee" as UserId, role: null };
            yield* s.env.authorizer.assignRole(s.actor, newcomer, input.role);
            for (const workspaceId of workspaceIds) {
              const ws = yield* findWorkspace(s, workspaceId);
              yield* s.env.authorizer.authorize(s.actor, "workspace.assign", {
                tenantId: ws.tenantId,
                workspaceId: ws.id,
                entity: "workspace",
              });
            }
            yield* noLiveInvitation(s, input.email);
            const id = env.ids() as InvitationId;
            const { token, secretHash } = issueToken(s.unit.tenantId, id);
            const at = nowIso(env);
            const record = yield* s.unit.invitations.insert({
              tenantId: s.unit.tenantId,
              id,
              email: input.email,
              role: input.role,
              workspaceIds,
              invitedBy: s.actor.userId,
              status: "pending",
              expiresAt: expiry(env),
              acceptedBy: null,
              secretHash,
              createdAt: at,
              updatedAt: at,
            });
            yield* s.audit({
              action: "invitation.create",
              target: { type: "invitation", id },
              after: {
                email: record.email,
                role: record.role,
                workspaceIds: [...record.workspaceIds],
                expiresAt: record.expiresAt,
              },
            });
            return ok({ invitation: withoutSecret(record), token });
          }),
        );
      }),
    list: (raw = {}) =>
      safeTry(async function* () {
        const query = yield* parseWith(InvitationListInput, raw, "invitation query");
        return runScoped(env, who, "read", (s) =>
          safeTry(async function* () {
            yield* mayManage(s);
            const page = yield* s.unit.invitations.list(query);
            return ok({ items: page.items.map(withoutSecret), next: page.next });
          }),
        );
      }),
    revoke: (rawId) =>
      pending(rawId, (s, current) =>
        safeTry(async function* () {
          const updated = yield* s.unit.invitations.update(current.id, {
            status: "revoked",
            updatedAt: nowIso(env),
          });
          yield* s.audit({
            action: "invitation.revoke",
            target: { type: "invitation", id: current.id },
            before: { status: current.status },
            after: { status: updated.status },
          });
          return ok(withoutSecret(updated));
        }),
      ),
    resend: (rawId) =>
      pending(rawId, (s, current) =>
        safeTry(async function* () {
          const { token, secretHash } = issueToken(s.unit.tenantId, current.id);
          const updated = yield* s.unit.invitations.update(current.id, {
            secretHash,
            expiresAt: expiry(env),
            updatedAt: nowIso(env),
          });
          yield* s.audit({
            action: "invitation.resend",
            target: { type: "invitation", id: current.id },
            before: { expiresAt: current.expiresAt },
            after: { expiresAt: updated.expiresAt },
          });
          return ok({ invitation: withoutSecret(updated), token });
        }),
      ),
  };
}

/** Managing invitations is adding members: owners and admins. */
function mayManage(s: ScopedUnit) {
  return s.env.authorizer.authorize(s.actor, "member.add", { tenantId: s.unit.tenantId });
}

/** CONFLICT when the address has a pending invitation that has not expired: resend that one. */
function noLiveInvitation(s: ScopedUnit, email: string) {
  return safeTry(async function* () {
    const now = nowIso(s.env);
    let after: string | undefined;
    do {
      const page = yield* s.unit.invitations.list({
        status: "pending",
        email,
        limit: 100,
        ...(after === undefined ? {} : { after }),
      });
      if (page.items.some((invitation) => invitation.expiresAt > now)) {
        return err(
          RookeryErrors.conflict(
            "invitation",
            "This address has a pending invitation; resend it or revoke it first.",
          ),
        );
      }
      after = page.next ?? undefined;
    } while (after !== undefined);
    return ok(undefined);
  });
}

/** An invitation without the hash of its secret: what every answer carries. */
export function withoutSecret(record: InvitationRecord): Invitation {
  const { secretHash: _secret, ...invitation } = record;
  return invitation;
}

function expiry(env: TenancyEnv): string {
  return new Date(env.clock().getTime() + env.invitationTtlMs).toISOString();
}
