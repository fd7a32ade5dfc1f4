import { err, ok, okAsync, type ResultAsync, safeTry } from "neverthrow";
import { type RookeryError, RookeryErrors } from "../errors.js";
import type { UserId, WorkspaceId } from "../ids.js";
import type { Page } from "../model/page.js";
import type { Workspace, WorkspaceAssignment } from "../model/workspace.js";
import { parseField, parseWith } from "../parse.js";
import { nowIso, type TenancyEnv } from "./env.js";
import { UserIdInput, WorkspaceIdInput, WorkspaceListInput, WorkspaceNameInput } from "./inputs.js";
import type { ServiceAction } from "./policy-authorizer.js";
import { runScoped, type ScopedUnit, type ScopeIdentity } from "./scoped.js";

/** The workspaces of a tenant and who is assigned to them. */
export interface WorkspacesService {
  /** Within the plan's workspace limit. Owners and admins only. */
  create(input: WorkspaceNameInput): ResultAsync<Workspace, RookeryError>;
  get(workspaceId: string): ResultAsync<Workspace, RookeryError>;
  /** Owners and admins see all; members see the workspaces assigned to them. */
  list(query?: WorkspaceListInput): ResultAsync<Page<Workspace>, RookeryError>;
  rename(workspaceId: string, input: WorkspaceNameInput): ResultAsync<Workspace, RookeryError>;
  archive(workspaceId: string): ResultAsync<Workspace, RookeryError>;
  unarchive(workspaceId: string): ResultAsync<Workspace, RookeryError>;
  /** Deletes the workspace with its resources, assignments and settings overrides. */
  delete(workspaceId: string): ResultAsync<void, RookeryError>;
  assign(workspaceId: string, userId: string): ResultAsync<WorkspaceAssignment, RookeryError>;
  unassign(workspaceId: string, userId: string): ResultAsync<void, RookeryError>;
  /** Who is assigned to the workspace. */
  assignees(workspaceId: string): ResultAsync<readonly WorkspaceAssignment[], RookeryError>;
}

export function workspacesService(env: TenancyEnv, who: ScopeIdentity): WorkspacesService {
  const withWorkspace = <T>(
    rawId: string,
    intent: "read" | "write",
    action: ServiceAction,
    body: (s: ScopedUnit, ws: Workspace) => ResultAsync<T, RookeryError>,
  ) =>
    safeTry(async function* () {
      const id = yield* parseField(WorkspaceIdInput, rawId, "workspaceId");
      return runScoped(env, who, intent, (s) =>
        safeTry(async function* () {
          const ws = yield* findWorkspace(s, id);
          yield* s.env.authorizer.authorize(s.actor, action, {
            tenantId: ws.tenantId,
            workspaceId: ws.id,
            entity: "workspace",
          });
          return body(s, ws);
        }),
      );
    });

  const setStatus = (rawId: string, status: Workspace["status"]) =>
    withWorkspace(rawId, "write", "workspace.archive", (s, ws) =>
      safeTry(async function* () {
        if (ws.status === status) return ok(ws);
        const updated = yield* s.unit.workspaces.update(ws.id, { status, updatedAt: nowIso(env) });
        yield* s.audit({
          action: status === "archived" ? "workspace.archive" : "workspace.unarchive",
          target: { type: "workspace", id: ws.id },
          before: { status: ws.status },
          after: { status },
        });
        return ok(updated);
      }),
    );

  return {
    create: (raw) =>
      safeTry(async function* () {
        const input = yield* parseWith(WorkspaceNameInput, raw, "workspace");
        return runScoped(env, who, "write", (s) =>
          safeTry(async function* () {
            yield* s.env.authorizer.authorize(s.actor, "workspace.create", {
              tenantId: s.unit.tenantId,
            });
            const max = (yield* s.unit.subscription.get())?.limits.workspaces ?? 0;
            if ((yield* s.unit.workspaces.count()) >= max)
              return err(RookeryErrors.limitExceeded("workspaces", max));
            const at = nowIso(env);
            const ws = yield* s.unit.workspaces.insert({
              tenantId: s.unit.tenantId,
              id: env.ids() as WorkspaceId,
              name: input.name,
              status: "active",
              createdAt: at,
              updatedAt: at,
            });
            yield* s.audit({
              action: "workspace.create",
              target: { type: "workspace", id: ws.id },
              after: { name: ws.name },
            });
            return ok(ws);
          }),
        );
      }),
    get: (rawId) => withWorkspace(rawId, "read", "workspace.read", (_s, ws) => okAsync(ws)),
    list: (raw = {}) =>
      safeTry(async function* () {
        const query = yield* parseWith(WorkspaceListInput, raw, "workspace query");
        return runScoped(env, who, "read", (s) => {
          const filter = s.env.authorizer.visible(s.actor, "workspace.read", "workspace");
          if (filter === null) return okAsync({ items: [], next: null });
          return s.unit.workspaces.list(filter === "all" ? query : { ...query, ids: filter });
        });
      }),
    rename: (rawId, raw) =>
      safeTry(async function* () {
        const { name } = yield* parseWith(WorkspaceNameInput, raw, "workspace");
        return withWorkspace(rawId, "write", "workspace.rename", (s, ws) =>
          safeTry(async function* () {
            const updated = yield* s.unit.workspaces.update(ws.id, {
              name,
              updatedAt: nowIso(env),
            });
            yield* s.audit({
              action: "workspace.rename",
              target: { type: "workspace", id: ws.id },
              before: { name: ws.name },
              after: { name },
            });
            return ok(updated);
          }),
        );
      }),
    archive: (rawId) => setStatus(rawId, "archived"),
    unarchive: (rawId) => setStatus(rawId, "active"),
    delete: (rawId) =>
      withWorkspace(rawId, "write", "workspace.delete", (s, ws) =>
        safeTry(async function* () {
          yield* s.unit.workspaces.remove(ws.id);
          yield* s.audit({
            action: "workspace.delete",
            target: { type: "workspace", id: ws.id },
            before: { name: ws.name },
          });
          return ok(undefined);
        }),
      ),
    assign: (rawId, rawUserId) =>
      safeTry(async function* () {
        const userId = yield* parseField(UserIdInput, rawUserId, "userId");
        return withWorkspace(rawId, "write", "workspace.assign", (s, ws) =>
          safeTry(async function* () {
            const assignment = yield* s.unit.assignments.add({
              tenantId: s.unit.tenantId,
              workspaceId: ws.id,
              userId,
              createdAt: nowIso(env),
            });
            yield* s.audit({
              action: "workspace.assign",
              target: { type: "workspace", id: ws.id },
              after: { userId },
            });
            return ok(assignment);
          }),
        );
      }),
    unassign: (rawId, rawUserId) =>
      safeTry(async function* () {
        const userId: UserId = yield* parseField(UserIdInput, rawUserId, "userId");
        return withWorkspace(rawId, "write", "workspace.assign", (s, ws) =>
          safeTry(async function* () {
            if (!(yield* s.unit.assignments.remove(ws.id, userId)))
              return err(RookeryErrors.notFound("assignment"));
            yield* s.audit({
              action: "workspace.unassign",
              target: { type: "workspace", id: ws.id },
              before: { userId },
            });
            return ok(undefined);
          }),
        );
      }),
    assignees: (rawId) =>
      withWorkspace(rawId, "read", "workspace.read", (s, ws) =>
        s.unit.assignments.listForWorkspace(ws.id),
      ),
  };
}

/** The workspace, or NOT_FOUND: absent and foreign ids answer alike. */
export function findWorkspace(
  s: ScopedUnit,
  id: WorkspaceId,
): ResultAsync<Workspace, RookeryError> {
  return s.unit.workspaces
    .get(id)
    .andThen((ws) => (ws === null ? err(RookeryErrors.notFound("workspace")) : ok(ws)));
}
