import { z } from "zod";
import { UserId, WorkspaceId } from "../ids.js";
import { DisplayName, Email } from "../model/common.js";
import { Role } from "../model/membership.js";
import { PageRequest } from "../model/page.js";

/**
 * The inputs of the scoped services. Every one is parsed at the public API,
 * so a bad id or an overlong name is a VALIDATION error naming the field.
 */
export const AddMemberInput = z.union([
  z.strictObject({ userId: UserId, role: Role.exclude(["owner"]).default("member") }),
  z.strictObject({
    email: Email,
    name: DisplayName.optional(),
    role: Role.exclude(["owner"]).default("member"),
  }),
]);
export type AddMemberInput = z.input<typeof AddMemberInput>;

export const MemberListInput = PageRequest;
export const UserIdInput = UserId;
export const RoleInput = Role;
export const WorkspaceIdInput = WorkspaceId;

export const CreateWorkspaceInput = z.strictObject({ name: DisplayName });
export type CreateWorkspaceInput = z.input<typeof CreateWorkspaceInput>;

export const WorkspaceListInput = PageRequest.extend({
  status: z.enum(["active", "archived"]).optional(),
});
export type WorkspaceListInput = z.input<typeof WorkspaceListInput>;

export const NameInput = DisplayName;
