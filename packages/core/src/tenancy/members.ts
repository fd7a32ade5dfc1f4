import { err, ok, okAsync, ResultAsync, safeTry } from "neverthrow";
import { type RookeryError, RookeryErrors } from "../errors.js";
import type { UserId } from "../ids.js";
import type { Membership, Role } from "../model/membership.js";
import type { Page, PageRequest } from "../model/page.js";
import type { User } from "../model/user.js";
import { parseField, parseWith } from "../parse.js";
import type { TenantUnit } from "../port/tenant-unit.js";
import { nowIso, type TenancyEnv } from "./env.js";
import { AddMemberInput, MemberListInput, RoleInput, UserIdInput } from "./inputs.js";
import { claimIn, type Joining, joinWithClaim, releaseAfterRemoval } from "./member-claims.js";
import { runScoped, type ScopedUnit, type ScopeIdentity } from "./scoped.js";

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
  /**
   * Adds an existing user who belongs to no tenant, within the plan's seats.
   * A user of another tenant answers NOT_FOUND exactly as an unknown id does.
   * To bring in someone by e-mail, invite them (`scope.invitations`).
   */
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
        const found = yield* readVisible(env, who, query);
        return ok({ items: yield* withProfiles(found.items), next: found.next });
      }),
    get: (rawUserId) =>
      safeTry(async function* () {
        const userId = yield* parseField(UserIdInput, rawUserId, "userId");
        const visible = yield* readVisible(env, who, { limit: 1, userIds: [userId] });
        const [member] = yield* withProfiles(visible.items);
        return member === undefined ? err(RookeryErrors.notFound("membership")) : ok(member);
      }),
    add: (raw) =>
      safeTry(async function* () {
        const input = yield* parseWith(AddMemberInput, raw, "member");
        // Check first, so that a caller without the right claims nobody, even for a moment.
        yield* runScoped(env, who, "read", (s) => mayAdd(s, input.role, input.userId));
        const joining = joiningOf(who);
        const { user, claim } = yield* env.adapter.platform((unit) =>
          safeTry(async function* () {
            const found = yield* unit.users.get(input.userId);
            if (found === null) return err(joining.taken);
            return ok({ user: found, claim: yield* claimIn(env, unit, joining, found.id) });
          }),
        );
        const added = yield* joinWithClaim(env, joining, claim, () =>
          runScoped(env, who, "write", (s) =>
            safeTry(async function* () {
              yield* mayAdd(s, input.role, user.id);
              const at = nowIso(env);
              const membership = yield* s.unit.memberships.insert({
                tenantId: s.unit.tenantId,
                userId: user.id,
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
          ),
        );
        return ok(toMember(added, user));
      }),
    changeRole: (rawUserId, rawRole) =>
      safeTry(async function* () {
        const userId = yield* parseField(UserIdInput, rawUserId, "userId");
        const role = yield* parseField(RoleInput, rawRole, "role");
        // The person's profile first: once the change commits, nothing may fail the call.
        const user = yield* env.adapter.platform((unit) => unit.users.get(userId), {
          intent: "read",
        });
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
        return ok(toMember(changed, user));
      }),
    remove: (rawUserId) =>
      safeTry(async function* () {
        const userId = yield* parseField(UserIdInput, rawUserId, "userId");
        const removed = yield* runScoped(env, who, "write", (s) => removeMember(s, userId));
        if (removed === "removed") return releaseAfterRemoval(env, joiningOf(who), userId);
        // Not a member: a removal an outage stopped between its units may have left the
        // person claimed by this tenant. Finishing it frees them (a join under way re-takes
        // its claim), when the caller may remove members; the answer stays NOT_FOUND.
        if (removed === "absent, may free") await releaseAfterRemoval(env, joiningOf(who), userId);
        return err(RookeryErrors.notFound("membership"));
      }),
    leave: () =>
      safeTry(async function* () {
        const left = yield* runScoped(env, who, "write", (s) => removeMember(s, s.actor.userId));
        if (left !== "removed") return err(RookeryErrors.notFound("membership"));
        return releaseAfterRemoval(env, joiningOf(who), who.userId);
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
 * Who joins people to the scope's tenant. A user another tenant holds answers
 * exactly as a user that does not exist: adding someone must not tell whether
 * they are a customer elsewhere.
 */
function joiningOf(who: ScopeIdentity): Joining {
  return { tenantId: who.tenantId, actorId: who.userId, taken: RookeryErrors.notFound("user") };
}

/** May the actor add a member with `role`, and is a seat free? */
function mayAdd(s: ScopedUnit, role: Role, userId: UserId) {
  return s.env.authorizer
    .assignRole(s.actor, { userId, role: null }, role)
    .asyncAndThen(() => seatFree(s.unit));
}

/**
 * LIMIT_EXCEEDED (`seats`) when every seat of the plan is taken. Run in the
 * write unit that adds the member: write units of a tenant are serialised, so
 * the count holds until the insert.
 */
export function seatFree(unit: TenantUnit): ResultAsync<void, RookeryError> {
  return safeTry(async function* () {
    const subscription = yield* unit.subscription.get();
    const seats = subscription?.limits.seats ?? 0;
    if ((yield* unit.memberships.count()) >= seats) {
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

/**
 * Removes a member, or tells why not. The caller's own NOT_FOUND (not a
 * member of this tenant) stays an error; a target who is not a member is an
 * outcome, "absent, may free" when the caller may remove members and so may
 * finish a removal that left the person claimed.
 */
function removeMember(
  s: ScopedUnit,
  userId: UserId,
): ResultAsync<"removed" | "absent" | "absent, may free", RookeryError> {
  return safeTry(async function* () {
    const target = yield* s.unit.memberships.get(userId);
    if (target === null) {
      const may = s.env.authorizer.removeMember(s.actor, { userId, role: "member" });
      return ok(may.isOk() ? ("absent, may free" as const) : ("absent" as const));
    }
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
    return ok("removed" as const);
  });
}

/**
 * The page of memberships the caller may see, in one read unit. The tenant's
 * page (what owners and admins see) is read with the actor; a member, who
 * sees only the people of their workspaces, reads again within that reach.
 */
function readVisible(env: TenancyEnv, who: ScopeIdentity, query: MembershipQuery) {
  return runScoped(
    env,
    who,
    "read",
    (s, everyone: Page<Membership>) =>
      seesEveryone(s) ? okAsync(everyone) : listVisible(s, query),
    (unit) => unit.memberships.list(query),
  );
}

/** Whether the actor sees every member (owners and admins do). */
const seesEveryone = (s: ScopedUnit) =>
  s.env.authorizer.visible(s.actor, "workspace.read", "workspace") === "all";

/** The memberships the actor may see: all for owners and admins, co-workers for members. */
interface MembershipQuery {
  readonly after?: string | undefined;
  readonly limit: number;
  readonly userIds?: readonly UserId[] | undefined;
}

function listVisible(s: ScopedUnit, query: MembershipQuery) {
  return safeTry(async function* () {
    // Members see the people they share a workspace with.
    const filter = s.env.authorizer.visible(s.actor, "workspace.read", "workspace");
    if (filter === "all") return s.unit.memberships.list(query);
    const people = new Set<UserId>([s.actor.userId]);
    // Every workspace's assignments in one flight.
    const assigned = yield* ResultAsync.combine(
      (filter ?? []).map((workspaceId) => s.unit.assignments.listForWorkspace(workspaceId)),
    );
    for (const a of assigned.flat()) people.add(a.userId);
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
