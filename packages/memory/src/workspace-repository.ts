import { RookeryErrors, type Workspace } from "@rookery/core";
import type { AssignmentRepository, WorkspaceRepository } from "@rookery/core/adapter";
import { compare, paginate } from "./page.js";
import { fail, ok } from "./results.js";
import { assignmentKey } from "./state.js";
import { stored, type TableDraft } from "./tables.js";
import type { TenantContext } from "./tenant-context.js";

export function workspaceRepository(ctx: TenantContext): WorkspaceRepository {
  const { draft } = ctx;
  const nameTaken = (name: string, except: string) =>
    [...draft.read("workspaces").values()].some((w) => w.name === name && w.id !== except);

  return {
    insert: (workspace) => {
      if (draft.read("workspaces").has(workspace.id) || nameTaken(workspace.name, "")) {
        return fail(
          RookeryErrors.conflict("workspace", "A workspace with this id or name exists."),
        );
      }
      const row = stored(workspace);
      draft.write("workspaces").set(row.id, row);
      return ok(row);
    },
    get: (id) => ok(draft.read("workspaces").get(id) ?? null),
    list: (query) => {
      const wanted = query.ids === undefined ? null : new Set<string>(query.ids);
      const rows = [...draft.read("workspaces").values()].filter(
        (w) =>
          (wanted === null || wanted.has(w.id)) &&
          (query.status === undefined || w.status === query.status),
      );
      return ok(paginate(rows, (w) => w.id, query));
    },
    update: (id, patch) => {
      const current = draft.read("workspaces").get(id);
      if (current === undefined) return fail(RookeryErrors.notFound("workspace"));
      if (patch.name !== undefined && nameTaken(patch.name, id)) {
        return fail(RookeryErrors.conflict("workspace", "A workspace with this name exists."));
      }
      const row: Workspace = stored({
        ...current,
        name: patch.name ?? current.name,
        status: patch.status ?? current.status,
        updatedAt: patch.updatedAt,
      });
      draft.write("workspaces").set(id, row);
      return ok(row);
    },
    remove: (id) => {
      if (!draft.read("workspaces").has(id)) return ok(false);
      draft.write("workspaces").delete(id);
      draft.write("workspaceSettings").delete(id);
      deleteWhere(draft.write("assignments"), (a) => a.workspaceId === id);
      deleteWhere(draft.write("resources"), (r) => r.workspaceId === id);
      return ok(true);
    },
    count: (query) =>
      ok(
        [...draft.read("workspaces").values()].filter(
          (w) => query?.status === undefined || w.status === query.status,
        ).length,
      ),
  };
}

export function assignmentRepository(ctx: TenantContext): AssignmentRepository {
  const { draft } = ctx;
  const assignments = () => [...draft.read("assignments").values()];
  return {
    add: (assignment) => {
      if (!draft.read("workspaces").has(assignment.workspaceId)) {
        return fail(RookeryErrors.notFound("workspace"));
      }
      if (!draft.read("memberships").has(assignment.userId)) {
        return fail(RookeryErrors.notFound("membership"));
      }
      const key = assignmentKey(assignment.workspaceId, assignment.userId);
      if (draft.read("assignments").has(key)) {
        return fail(RookeryErrors.conflict("assignment", "The member is already assigned."));
      }
      const row = stored(assignment);
      draft.write("assignments").set(key, row);
      return ok(row);
    },
    remove: (workspaceId, userId) => {
      const key = assignmentKey(workspaceId, userId);
      if (!draft.read("assignments").has(key)) return ok(false);
      draft.write("assignments").delete(key);
      return ok(true);
    },
    listForUser: (userId) =>
      ok(
        assignments()
          .filter((a) => a.userId === userId)
          .sort((a, b) => compare(a.workspaceId, b.workspaceId)),
      ),
    listForWorkspace: (workspaceId) =>
      ok(
        assignments()
          .filter((a) => a.workspaceId === workspaceId)
          .sort((a, b) => compare(a.userId, b.userId)),
      ),
  };
}

function deleteWhere<Row>(table: TableDraft<Row>, doomed: (row: Row) => boolean): number {
  let deleted = 0;
  for (const [key, row] of table) {
    if (doomed(row)) {
      table.delete(key);
      deleted += 1;
    }
  }
  return deleted;
}
