import { z } from "zod";
import { UserId } from "../ids.js";
import { DisplayName, Email, Stamped } from "./common.js";

/** A person. Authentication is the application's; Rookery only needs a stable id. */
export const User = Stamped.extend({
  id: UserId,
  email: Email,
  name: DisplayName.nullable(),
});
export type User = z.infer<typeof User>;

export const UserPatch = z.strictObject({
  email: Email.optional(),
  name: DisplayName.nullable().optional(),
  updatedAt: User.shape.updatedAt,
});
export type UserPatch = z.infer<typeof UserPatch>;
