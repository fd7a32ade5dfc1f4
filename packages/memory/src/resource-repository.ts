import { type Resource, RookeryErrors } from "@rookery/core";
import type { ResourceRepository, WorkspaceFilter } from "@rookery/core/adapter";
import { paginate } from "./page.js";
import { fail, ok } from "./results.js";
import { resourceKey } from "./state.js";
import { stored } from "./tables.js";
import type { TenantContext } from "./tenant-context.js";

export function resourceRepository(ctx: TenantContext): ResourceRepository {
  const { draft } = ctx;
  const matching = (type: string, workspaces: WorkspaceFilter) => {
    const wanted = workspaces === "all" ? null : new Set<string>(workspaces);
    return [...draft.read("resources").values()].filter(
      (r) =>
        r.type === type &&
        (wanted === null || (r.workspaceId !== null && wanted.has(r.workspaceId))),
    );
  };

  return {
    insert: (resource) => {
      const key = resourceKey(resource.type, resource.id);
      if (draft.read("resources").has(key)) {
        return fail(RookeryErrors.conflict("resource", "A resource with this id exists."));
      }
      if (resource.workspaceId !== null && !draft.read("workspaces").has(resource.workspaceId)) {
        return fail(RookeryErrors.notFound("workspace"));
      }
      const row = stored(resource);
      draft.write("resources").set(key, row);
      return ok(row);
    },
    get: (type, id) => ok(draft.read("resources").get(resourceKey(type, id)) ?? null),
    update: (type, id, update) => {
      const key = resourceKey(type, id);
      const current = draft.read("resources").get(key);
      if (current === undefined) return fail(RookeryErrors.notFound("resource"));
      if (update.expectedVersion !== undefined && update.expectedVersion !== current.version) {
        return fail(
          RookeryErrors.conflict("resource", "The resource was changed since it was read."),
        );
      }
      const row: Resource = stored({
        ...current,
        data: update.data,
        updatedAt: update.updatedAt,
        version: current.version + 1,
      });
      draft.write("resources").set(key, row);
      return ok(row);
    },
    remove: (type, id) => ok(draft.write("resources").delete(resourceKey(type, id))),
    list: (query) => ok(paginate(matching(query.type, query.workspaces), (r) => r.id, query)),
    count: (query) => ok(matching(query.type, query.workspaces).length),
  };
}
