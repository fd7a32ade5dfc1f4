import { z } from "zod";
import { UserId, WorkspaceId } from "../ids.js";
import { DisplayName } from "../model/common.js";
import { Role } from "../model/membership.js";
import { PageRequest } from "../model/page.js";

/**
 * The inputs of the scoped services. Every one is parsed at the public API,
 * so a bad id or an overlong name is a VALIDATION error naming the field.
 */
/** An existing user who belongs to no tenant, and their role (never owner: owners are made by transfer). */
export const AddMemberInput = z.strictObject({
  userId: UserId,
  role: z
    .enum(["admin", "member"], { error: "must be admin or member (owners are made by transfer)" })
    .default("member"),
});
export type AddMemberInput = z.input<typeof AddMemberInput>;

export const MemberListInput = PageRequest;
export const UserIdInput = UserId;
export const RoleInput = Role;
export const WorkspaceIdInput = WorkspaceId;

/** A workspace's name, for `create` and `rename` alike. */
export const WorkspaceNameInput = z.strictObject({ name: DisplayName });
export type WorkspaceNameInput = z.input<typeof WorkspaceNameInput>;

/** A page of workspaces, optionally of one status. */
export const WorkspaceListInput = PageRequest.extend({
  status: z.enum(["active", "archived"]).optional(),
});
/** A page of workspaces, optionally of one status. */
export type WorkspaceListInput = z.input<typeof WorkspaceListInput>;
