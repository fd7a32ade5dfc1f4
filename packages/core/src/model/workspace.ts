import { z } from "zod";
import { UserId, WorkspaceId } from "../ids.js";
import { DisplayName, TenantOwned, Timestamp } from "./common.js";

/** An archived workspace keeps its resources but takes no new work. */
export const WorkspaceStatus = z.enum(["active", "archived"]);
/** An archived workspace keeps its resources but takes no new work. */
export type WorkspaceStatus = z.infer<typeof WorkspaceStatus>;

/** A project, client or team inside a tenant; it holds workspace-scoped resources. */
export const Workspace = TenantOwned.extend({
  id: WorkspaceId,
  name: DisplayName,
  status: WorkspaceStatus,
});
export type Workspace = z.infer<typeof Workspace>;

/** What an adapter's `workspaces.update` may change. */
export const WorkspacePatch = z.strictObject({
  name: DisplayName.optional(),
  status: WorkspaceStatus.optional(),
  updatedAt: Timestamp,
});
/** What an adapter's `workspaces.update` may change. */
export type WorkspacePatch = z.infer<typeof WorkspacePatch>;

/** A member's access to one workspace. Owners and admins see every workspace without one. */
export const WorkspaceAssignment = z.strictObject({
  tenantId: TenantOwned.shape.tenantId,
  workspaceId: WorkspaceId,
  userId: UserId,
  createdAt: Timestamp,
});
export type WorkspaceAssignment = z.infer<typeof WorkspaceAssignment>;
