import { err, ok, okAsync, type ResultAsync, safeTry } from "neverthrow";
import { type RookeryError, RookeryErrors } from "../errors.js";
import type { UserId } from "../ids.js";
import type { Membership, Role } from "../model/membership.js";
import type { Page, PageRequest } from "../model/page.js";
import type { User } from "../model/user.js";
import { parseField, parseWith } from "../parse.js";
import { nowIso, type TenancyEnv } from "./env.js";
import { AddMemberInput, MemberListInput, RoleInput, UserIdInput } from "./inputs.js";
import { claimUser, releaseUser } from "./member-claims.js";
import { runScoped, type ScopedUnit, type ScopeIdentity, writeAudit } from "./scoped.js";

/** A membership with the person's profile. */
export interface Member extends Membership {
  readonly email: string;
  readonly name: string | null;
}

/** The people of a tenant and their roles. */
export interface MembersService {
  /** Owners and admins see every member; a member sees the people of their workspaces. */
  list(page?: PageRequest): ResultAsync<Page<Member>, RookeryError>;
  get(userId: string): ResultAsync<Member, RookeryError>;
  /** Adds a new user (by e-mail) or an existing one who belongs to no tenant, within the plan's seats. */
  add(input: AddMemberInput): ResultAsync<Member, RookeryError>;
  changeRole(userId: string, role: Role): ResultAsync<Member, RookeryError>;
  remove(userId: string): ResultAsync<void, RookeryError>;
  /** The caller leaves the tenant. The owner must transfer ownership first. */
  leave(): ResultAsync<void, RookeryError>;
  /** Atomically makes `userId` the owner; the caller (the owner) becomes an admin. */
  transferOwnership(userId: string): ResultAsync<void, RookeryError>;
}

/** A membership with its person's profile (empty when the user row is gone). */
export function toMember(membership: Membership, user: User | null): Member {
  return { ...membership, email: user?.email ?? "", name: user?.name ?? null };
}

export function membersService(env: TenancyEnv, who: ScopeIdentity): MembersService {
  const withProfiles = (memberships: readonly Membership[]) => profiles(env, memberships);
  return {
    list: (page = {}) =>
      safeTry(async function* () {
        const query = yield* parseWith(MemberListInput, page, "page");
        const found = yield* runScoped(env, who, "read", (s) => listVisible(s, query));
        return ok({ items: yield* withProfiles(found.items), next: found.next });
      }),
    get: (rawUserId) =>
      safeTry(async function* () {
        const userId = yield* parseField(UserIdInput, rawUserId, "userId");
        const found = yield* runScoped(env, who, "read", (s) =>
          safeTry(async function* () {
            const visible = yield* listVisible(s, { limit: 1, userIds: [userId] });
            const membership = visible.items[0];
            return membership === undefined
              ? err(RookeryErrors.notFound("membership"))
              : ok(membership);
          }),
        );
        const [member] = yield* withProfiles([found]);
        return member === undefined ? err(RookeryErrors.notFound("membership")) : ok(member);
      }),
    add: (raw) =>
      safeTry(async function* () {
        const input = yield* parseWith(AddMemberInput, raw, "member");
        // Check first, so that a caller without the right claims nobody, even for a moment.
        yield* runScoped(env, who, "read", (s) => mayAdd(s, input.role, newcomerId(input)));
        const claimed = yield* claimUser(env, who.tenantId, input);
        const added = await runScoped(env, who, "write", (s) =>
          safeTry(async function* () {
            yield* mayAdd(s, input.role, claimed.user.id);
            const at = nowIso(env);
            const membership = yield* s.unit.memberships.insert({
              tenantId: s.unit.tenantId,
              userId: claimed.user.id,
              role: input.role,
              createdAt: at,
              updatedAt: at,
            });
            yield* s.audit({
              action: "member.add",
              target: { type: "user", id: membership.userId },
              after: { role: membership.role },
            });
            return ok(membership);
          }),
        );
        if (added.isErr()) {
          // A concurrent add of the same person may have made them a member meanwhile;
          // the claim (and a user row this call created) is then theirs and must stay.
          const now = await env.adapter.tenant(
            who.tenantId,
            (unit) => unit.memberships.get(claimed.user.id),
            { intent: "read", actorId: who.userId },
          );
          if (now.isOk() && now.value === null) await releaseUser(env, who.tenantId, claimed);
          return err(added.error);
        }
        // Claims and memberships live in different units, so a cleanup of a concurrent
        // failed add may have released the claim meanwhile: take it again, or undo.
        yield* confirmClaim(env, who, claimed.user.id);
        return ok({ ...added.value, email: claimed.user.email, name: claimed.user.name });
      }),
    changeRole: (rawUserId, rawRole) =>
      safeTry(async function* () {
        const userId = yield* parseField(UserIdInput, rawUserId, "userId");
        const role = yield* parseField(RoleInput, rawRole, "role");
        const changed = yield* runScoped(env, who, "write", (s) =>
          safeTry(async function* () {
            const current = yield* getMembership(s, userId);
            yield* s.env.authorizer.assignRole(s.actor, { userId, role: current.role }, role);
            if (current.role === role) return ok(current);
            const updated = yield* s.unit.memberships.updateRole(userId, role, nowIso(env));
            yield* s.audit({
              action: "member.role_change",
              target: { type: "user", id: userId },
              before: { role: current.role },
              after: { role },
            });
            return ok(updated);
          }),
        );
        const [member] = yield* withProfiles([changed]);
        return member === undefined ? err(RookeryErrors.notFound("membership")) : ok(member);
      }),
    remove: (rawUserId) =>
      safeTry(async function* () {
        const userId = yield* parseField(UserIdInput, rawUserId, "userId");
        yield* runScoped(env, who, "write", (s) => removeMember(s, userId));
        return releaseAfterRemoval(env, who, userId);
      }),
    leave: () =>
      safeTry(async function* () {
        yield* runScoped(env, who, "write", (s) => removeMember(s, s.actor.userId));
        return releaseAfterRemoval(env, who, who.userId);
      }),
    transferOwnership: (rawUserId) =>
      safeTry(async function* () {
        const userId = yield* parseField(UserIdInput, rawUserId, "userId");
        yield* runScoped(env, who, "write", (s) =>
          safeTry(async function* () {
            const next = yield* getMembership(s, userId);
            yield* s.env.authorizer.transferOwnership(s.actor, { userId, role: next.role });
            const at = nowIso(env);
            // Demote first: the store allows one owner at a time.
            yield* s.unit.memberships.updateRole(s.actor.userId, "admin", at);
            yield* s.unit.memberships.updateRole(userId, "owner", at);
            yield* s.audit({
              action: "ownership.transfer",
              target: { type: "user", id: userId },
              before: { ownerId: s.actor.userId },
              after: { ownerId: userId },
            });
            return ok(undefined);
          }),
        );
        return ok(undefined);
      }),
  };
}

/**
 * Releases a removed member's claim. The membership went in an earlier unit,
 * so the person may have been added back in between: then the claim is theirs
 * again and is re-taken (or the re-added membership withdrawn, if another
 * tenant took them meanwhile).
 */
function releaseAfterRemoval(env: TenancyEnv, who: ScopeIdentity, userId: UserId) {
  return safeTry(async function* () {
    yield* releaseUser(env, who.tenantId, { user: { id: userId }, created: false });
    const back = yield* env.adapter.tenant(who.tenantId, (unit) => unit.memberships.get(userId), {
      intent: "read",
      actorId: who.userId,
    });
    if (back !== null) yield* confirmClaim(env, who, userId);
    return ok(undefined);
  });
}

/**
 * Re-takes the claim after the membership is written (idempotent when it still
 * holds). If another tenant took the person in the meantime, or their user row
 * went, the membership is withdrawn and the add fails: one tenant per user wins
 * over this call.
 */
function confirmClaim(env: TenancyEnv, who: ScopeIdentity, userId: UserId) {
  return safeTry(async function* () {
    const claim = await env.adapter.platform((unit) =>
      unit.claims.claim({ userId, tenantId: who.tenantId, claimedAt: nowIso(env) }),
    );
    if (claim.isOk()) return ok(undefined);
    yield* env.adapter.tenant(
      who.tenantId,
      (unit) =>
        unit.memberships.get(userId).andThen((membership) =>
          membership === null
            ? ok(undefined)
            : unit.memberships.remove(userId).andThen(() =>
                writeAudit(env, unit, who.userId, {
                  action: "member.remove",
                  target: { type: "user", id: userId },
                  before: { role: membership.role },
                }),
              ),
        ),
      { actorId: who.userId },
    );
    return err(
      claim.error.code === "CONFLICT"
        ? RookeryErrors.conflict("user", "This user already belongs to another organisation.")
        : claim.error,
    );
  });
}

/** Until the user is claimed, a newcomer has no id; the policy needs only some id to decide. */
function newcomerId(input: { readonly userId: UserId } | { readonly email: string }): UserId {
  return "userId" in input ? input.userId : ("newcomer" as UserId);
}

function mayAdd(s: ScopedUnit, role: Role, userId: UserId) {
  return safeTry(async function* () {
    yield* s.env.authorizer.assignRole(s.actor, { userId, role: null }, role);
    const subscription = yield* s.unit.subscription.get();
    const seats = subscription?.limits.seats ?? 0;
    if ((yield* s.unit.memberships.count()) >= seats) {
      return err(RookeryErrors.limitExceeded("seats", seats));
    }
    return ok(undefined);
  });
}

function getMembership(s: ScopedUnit, userId: UserId) {
  return s.unit.memberships
    .get(userId)
    .andThen((m) => (m === null ? err(RookeryErrors.notFound("membership")) : ok(m)));
}

function removeMember(s: ScopedUnit, userId: UserId) {
  return safeTry(async function* () {
    const target = yield* getMembership(s, userId);
    if (userId === s.actor.userId) {
      // Leaving needs no right, but the owner must hand the tenant over first.
      if (target.role === "owner")
        return err(RookeryErrors.invariant("The owner cannot leave; transfer ownership first."));
    } else {
      yield* s.env.authorizer.removeMember(s.actor, { userId, role: target.role });
    }
    yield* s.unit.memberships.remove(userId);
    yield* s.audit({
      action: "member.remove",
      target: { type: "user", id: userId },
      before: { role: target.role },
    });
    return ok(undefined);
  });
}

/** The memberships the actor may see: all for owners and admins, co-workers for members. */
function listVisible(
  s: ScopedUnit,
  query: {
    readonly after?: string | undefined;
    readonly limit: number;
    readonly userIds?: readonly UserId[] | undefined;
  },
) {
  return safeTry(async function* () {
    // Members see the people they share a workspace with.
    const filter = s.env.authorizer.visible(s.actor, "workspace.read", "workspace");
    if (filter === "all") return s.unit.memberships.list(query);
    const people = new Set<UserId>([s.actor.userId]);
    for (const workspaceId of filter ?? []) {
      for (const a of yield* s.unit.assignments.listForWorkspace(workspaceId)) people.add(a.userId);
    }
    const userIds =
      query.userIds === undefined ? [...people] : query.userIds.filter((id) => people.has(id));
    return s.unit.memberships.list({ ...query, userIds });
  });
}

function profiles(
  env: TenancyEnv,
  memberships: readonly Membership[],
): ResultAsync<Member[], RookeryError> {
  if (memberships.length === 0) return okAsync([]);
  return env.adapter
    .platform((unit) => unit.users.getMany(memberships.map((m) => m.userId)), { intent: "read" })
    .map((users) => {
      const byId = new Map(users.map((user) => [user.id, user]));
      return memberships.map((m) => toMember(m, byId.get(m.userId) ?? null));
    });
}
