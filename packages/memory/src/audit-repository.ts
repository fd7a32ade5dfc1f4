import { RookeryErrors } from "@rookery/core";
import type { AuditRepository } from "@rookery/core/adapter";
import { paginate } from "./page.js";
import { fail, ok } from "./results.js";
import { stored } from "./tables.js";
import type { TenantContext } from "./tenant-context.js";

export function auditRepository(ctx: TenantContext): AuditRepository {
  const { draft } = ctx;
  return {
    append: (event) => {
      if (draft.read("audit").has(event.id)) {
        return fail(RookeryErrors.conflict("audit_event", "An audit event with this id exists."));
      }
      const row = stored(event);
      draft.write("audit").set(row.id, row);
      return ok(row);
    },
    list: (query) => ok(paginate(draft.read("audit").values(), (e) => e.id, query)),
    pending: (query) => {
      const delivered = draft.read("delivered");
      const rows = [...draft.read("audit").values()].filter((e) => !delivered.has(e.id));
      return ok(paginate(rows, (e) => e.id, query));
    },
    markDelivered: (ids, at) => {
      let marked = 0;
      for (const id of new Set(ids)) {
        if (!draft.read("audit").has(id) || draft.read("delivered").has(id)) continue;
        draft.write("delivered").set(id, at);
        marked += 1;
      }
      return ok(marked);
    },
  };
}
