import { type Membership, RookeryErrors } from "@rookery/core";
import type { MembershipRepository } from "@rookery/core/adapter";
import { paginate } from "./page.js";
import { fail, ok } from "./results.js";
import { stored } from "./tables.js";
import type { TenantContext } from "./tenant-context.js";

export function membershipRepository(ctx: TenantContext): MembershipRepository {
  const { draft } = ctx;
  const findOwner = () =>
    [...draft.read("memberships").values()].find((m) => m.role === "owner") ?? null;

  return {
    // #region insert
    insert: (membership) => {
      if (draft.read("memberships").has(membership.userId)) {
        return fail(RookeryErrors.conflict("membership", "The user is already a member."));
      }
      if (membership.role === "owner" && findOwner() !== null) {
        return fail(RookeryErrors.conflict("membership", "The tenant already has an owner."));
      }
      const row = stored(membership);
      draft.write("memberships").set(row.userId, row);
      return ok(row);
    },
    // #endregion insert
    get: (userId) => ok(draft.read("memberships").get(userId) ?? null),
    list: (query) => {
      const wanted = query.userIds === undefined ? null : new Set<string>(query.userIds);
      const rows = [...draft.read("memberships").values()].filter(
        (m) => wanted === null || wanted.has(m.userId),
      );
      return ok(paginate(rows, (m) => m.userId, query));
    },
    owner: () => ok(findOwner()),
    updateRole: (userId, role, updatedAt) => {
      const current = draft.read("memberships").get(userId);
      if (current === undefined) return fail(RookeryErrors.notFound("membership"));
      const owner = findOwner();
      if (role === "owner" && owner !== null && owner.userId !== userId) {
        return fail(RookeryErrors.conflict("membership", "The tenant already has an owner."));
      }
      const row: Membership = stored({ ...current, role, updatedAt });
      draft.write("memberships").set(userId, row);
      return ok(row);
    },
    remove: (userId) => {
      if (!draft.read("memberships").has(userId)) return ok(false);
      draft.write("memberships").delete(userId);
      const assignments = draft.write("assignments");
      for (const [key, assignment] of assignments) {
        if (assignment.userId === userId) assignments.delete(key);
      }
      return ok(true);
    },
    count: () => ok(draft.read("memberships").size),
  };
}
