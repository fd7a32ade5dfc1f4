import { err, ok, type ResultAsync, safeTry } from "neverthrow";
import { z } from "zod";
import { type RookeryError, RookeryErrors } from "../errors.js";
import { type TenantId, UserId } from "../ids.js";
import { DisplayName, Email, Subject } from "../model/common.js";
import type { User } from "../model/user.js";
import type { PlatformUnit, UserLocation, UserLookup } from "../port/platform-unit.js";
import { nowIso, type TenancyEnv } from "./env.js";

/** A person as the application's sign-up knows them. */
export const RegisterUserInput = z.strictObject({
  email: Email,
  /** The subject the application's authentication provider gives the person. */
  subject: Subject.optional(),
  name: DisplayName.optional(),
});
export type RegisterUserInput = z.input<typeof RegisterUserInput>;

/** How the platform handle finds a user: by id, e-mail or subject (one key, not several). */
export const FindUserInput = z.union([
  z.strictObject({ userId: UserId }),
  z.strictObject({ email: Email }),
  z.strictObject({ subject: Subject }),
]);
export type FindUserInput = z.input<typeof FindUserInput>;

/** A user as the platform sees them: the row, and the tenant that holds them (null for none). */
export interface PlatformUser extends User {
  readonly tenantId: TenantId | null;
}

/**
 * The user and where they belong: in one read where the adapter offers
 * `locate`, else through the port's required members.
 */
export function locateUser(
  unit: PlatformUnit,
  by: UserLookup,
): ResultAsync<UserLocation | null, RookeryError> {
  if (unit.locate !== undefined) return unit.locate(by);
  return safeTry(async function* () {
    const user =
      "userId" in by
        ? yield* unit.users.get(by.userId)
        : yield* unit.users.getBySubject(by.subject);
    if (user === null) return ok(null);
    const claim = yield* unit.claims.get(user.id);
    if (claim === null) return ok({ user, claim, tenant: null });
    return ok({ user, claim, tenant: yield* unit.tenants.get(claim.tenantId) });
  });
}

/** The registered user, and whether this call made the row (so that a failed signup can undo it). */
export interface Registered {
  readonly user: User;
  readonly created: boolean;
}

/**
 * Finds or makes the user the application's sign-up names, inside a platform
 * unit. The same subject and e-mail find the same user every time; a subject
 * is attached to a user known so far only by that e-mail (made by a signup or
 * an earlier registration without one). A subject registered with another
 * e-mail, or an e-mail registered with another subject, is a CONFLICT: that
 * is another person as far as Rookery can tell.
 */
export function registerIn(
  env: TenancyEnv,
  unit: PlatformUnit,
  input: z.output<typeof RegisterUserInput>,
): ResultAsync<Registered, RookeryError> {
  return safeTry(async function* () {
    const { email, subject } = input;
    if (subject !== undefined) {
      const bySubject = yield* unit.users.getBySubject(subject);
      if (bySubject !== null) {
        return bySubject.email === email
          ? ok({ user: bySubject, created: false })
          : err(RookeryErrors.conflict("user", "This subject is registered with another e-mail."));
      }
    }
    const byEmail = yield* unit.users.getByEmail(email);
    if (byEmail !== null) {
      if (subject === undefined || byEmail.subject === subject)
        return ok({ user: byEmail, created: false });
      if (byEmail.subject !== null) {
        return err(
          RookeryErrors.conflict("user", "This e-mail is registered with another subject."),
        );
      }
      const linked = yield* unit.users.update(byEmail.id, { subject, updatedAt: nowIso(env) });
      return ok({ user: linked, created: false });
    }
    const at = nowIso(env);
    const user = yield* unit.users.insert({
      id: env.ids() as UserId,
      email,
      name: input.name ?? null,
      subject: subject ?? null,
      createdAt: at,
      updatedAt: at,
    });
    return ok({ user, created: true });
  });
}

/** Finds a user by id, e-mail or subject, with their tenant. NOT_FOUND (`user`) when none matches. */
export function findUser(
  env: TenancyEnv,
  by: z.output<typeof FindUserInput>,
): ResultAsync<PlatformUser, RookeryError> {
  return env.adapter
    .platform(
      (unit) =>
        "email" in by
          ? unit.users
              .getByEmail(by.email)
              .andThen((user) => (user === null ? ok(null) : locateUser(unit, { userId: user.id })))
          : locateUser(unit, by),
      { intent: "read" },
    )
    .andThen((location) =>
      location === null
        ? err(RookeryErrors.notFound("user"))
        : ok({ ...location.user, tenantId: location.claim?.tenantId ?? null }),
    );
}
