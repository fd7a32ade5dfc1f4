import { z } from "zod";
import { UserId } from "../ids.js";
import { DisplayName, Email, Stamped, Subject } from "./common.js";

/**
 * A person. Authentication is the application's: Rookery keeps a stable id,
 * the e-mail, and, when the application gives it, the subject its
 * authentication provider knows the person by (unique; null when none).
 */
export const User = Stamped.extend({
  id: UserId,
  email: Email,
  name: DisplayName.nullable(),
  subject: Subject.nullable(),
});
export type User = z.infer<typeof User>;

/** What an adapter's `users.update` may change; a `subject` of null clears it. */
export const UserPatch = z.strictObject({
  email: Email.optional(),
  name: DisplayName.nullable().optional(),
  subject: Subject.nullable().optional(),
  updatedAt: User.shape.updatedAt,
});
/** What an adapter's `users.update` may change; a `subject` of null clears it. */
export type UserPatch = z.infer<typeof UserPatch>;
