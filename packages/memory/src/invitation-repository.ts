import { RookeryErrors } from "@rookery/core";
import type { InvitationRepository } from "@rookery/core/adapter";
import { paginate } from "./page.js";
import { fail, ok } from "./results.js";
import { stored } from "./tables.js";
import type { TenantContext } from "./tenant-context.js";

export function invitationRepository(ctx: TenantContext): InvitationRepository {
  const { draft } = ctx;
  return {
    insert: (invitation) => {
      if (draft.read("invitations").has(invitation.id)) {
        return fail(RookeryErrors.conflict("invitation", "An invitation with this id exists."));
      }
      const row = stored(invitation);
      draft.write("invitations").set(row.id, row);
      return ok(row);
    },
    get: (id) => ok(draft.read("invitations").get(id) ?? null),
    list: (query) => {
      const rows = [...draft.read("invitations").values()].filter(
        (i) =>
          (query.status === undefined || i.status === query.status) &&
          (query.email === undefined || i.email === query.email.toLowerCase()),
      );
      return ok(paginate(rows, (i) => i.id, query));
    },
    update: (id, patch) => {
      const current = draft.read("invitations").get(id);
      if (current === undefined) return fail(RookeryErrors.notFound("invitation"));
      const { updatedAt, ...changes } = patch;
      const row = stored({
        ...current,
        ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
        updatedAt,
      });
      draft.write("invitations").set(id, row);
      return ok(row);
    },
  };
}
