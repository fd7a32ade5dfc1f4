import { z } from "zod";
import { UserId, WorkspaceId } from "../ids.js";
import { DisplayName, Email } from "../model/common.js";
import { Role } from "../model/membership.js";
import { PageRequest } from "../model/page.js";

/**
 * The inputs of the scoped services. Every one is parsed at the public API,
 * so a bad id or an overlong name is a VALIDATION error naming the field.
 */
/**
 * A new member: an existing user by `userId`, or a person by `email` (created
 * if unknown). One object rather than a union, so that a bad `role` is
 * reported as `role`, not as "no variant matched".
 */
export const AddMemberInput = z
  .strictObject({
    userId: UserId.optional(),
    email: Email.optional(),
    name: DisplayName.optional(),
    role: z
      .enum(["admin", "member"], { error: "must be admin or member (owners are made by transfer)" })
      .default("member"),
  })
  .superRefine((input, ctx) => {
    if ((input.userId === undefined) === (input.email === undefined)) {
      ctx.addIssue({ code: "custom", path: ["email"], message: "give either userId or email" });
    }
    if (input.userId !== undefined && input.name !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["name"],
        message: "a name is given only with an email",
      });
    }
  })
  .transform((input) =>
    input.userId !== undefined
      ? { userId: input.userId, role: input.role }
      : { email: input.email as string, name: input.name, role: input.role },
  );
export type AddMemberInput = z.input<typeof AddMemberInput>;

export const MemberListInput = PageRequest;
export const UserIdInput = UserId;
export const RoleInput = Role;
export const WorkspaceIdInput = WorkspaceId;

/** A workspace's name, for `create` and `rename` alike. */
export const WorkspaceNameInput = z.strictObject({ name: DisplayName });
export type WorkspaceNameInput = z.input<typeof WorkspaceNameInput>;

export const WorkspaceListInput = PageRequest.extend({
  status: z.enum(["active", "archived"]).optional(),
});
export type WorkspaceListInput = z.input<typeof WorkspaceListInput>;
