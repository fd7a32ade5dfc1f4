import { RookeryErrors, type User } from "@rookery/core";
import type { UserPatch, UserRepository } from "@rookery/core/adapter";
import { errAsync, okAsync } from "neverthrow";
import { AS_INSTANT, type Async, firstOrNull, modelRow, UTC } from "../sql/rows.js";
import type { UnitSession } from "../sql/unit-session.js";

/**
 * NileDB's built-in `users.users`, with the subject from Rookery's own
 * `rookery_user_subjects`; a soft-deleted user (`deleted` set) counts as absent.
 */
export const USER_COLUMNS = `u.id, u.email, u.name, s.subject, ${AS_INSTANT("u.created", "createdAt")},
  ${AS_INSTANT("u.updated", "updatedAt")}`;
export const USERS = `users.users u LEFT JOIN public.rookery_user_subjects s ON s.user_id = u.id`;

export function userRepository(s: UnitSession): UserRepository {
  const byId = (id: string) =>
    s
      .rows(`SELECT ${USER_COLUMNS} FROM ${USERS} WHERE u.id = $1::uuid AND u.deleted IS NULL`, [
        id,
      ])
      .map(firstOrNull<User>);
  const subjectTaken = (subject: string, by: string) =>
    s
      .rows(
        `SELECT 1 FROM public.rookery_user_subjects WHERE subject = $1::text AND user_id <> $2::uuid`,
        [subject, by],
      )
      .map((rows) => rows.length > 0);
  return {
    // ON CONFLICT without a target also absorbs the unique index on e-mail, and
    // a taken subject inserts no user: a duplicate answers CONFLICT without
    // aborting the transaction. Platform write units are serialised, so the
    // subject's check holds until its insert.
    insert: (user) =>
      s
        .rows(
          `WITH taken AS (SELECT EXISTS (SELECT 1 FROM public.rookery_user_subjects
                              WHERE subject = $6::text) AS yes),
                  u AS (INSERT INTO users.users (id, email, name, created, updated)
                        SELECT $1::uuid, $2::text, $3::text, ${UTC("$4")}, ${UTC("$5")}
                        WHERE NOT (SELECT yes FROM taken)
                        ON CONFLICT DO NOTHING RETURNING id, email, name, created, updated),
                  s AS (INSERT INTO public.rookery_user_subjects (subject, user_id)
                        SELECT $6::text, id FROM u WHERE $6::text IS NOT NULL RETURNING subject)
             SELECT u.id, u.email, u.name, (SELECT subject FROM s) AS subject,
               ${AS_INSTANT("u.created", "createdAt")}, ${AS_INSTANT("u.updated", "updatedAt")}
             FROM u`,
          [user.id, user.email, user.name, user.createdAt, user.updatedAt, user.subject],
        )
        .andThen(([row]) =>
          row === undefined
            ? errAsync(
                RookeryErrors.conflict("user", "A user with this id, e-mail or subject exists."),
              )
            : okAsync(modelRow<User>(row)),
        ),
    get: byId,
    getMany: (ids) =>
      s
        .rows(
          `SELECT ${USER_COLUMNS} FROM ${USERS}
           WHERE u.id = ANY ($1::uuid[]) AND u.deleted IS NULL ORDER BY u.id`,
          [[...ids]],
        )
        .map((rows) => rows.map((row) => modelRow<User>(row))),
    getByEmail: (email) =>
      s
        .rows(
          `SELECT ${USER_COLUMNS} FROM ${USERS} WHERE u.email = pg_catalog.lower($1::text) AND u.deleted IS NULL`,
          [email],
        )
        .map(firstOrNull<User>),
    getBySubject: (subject) =>
      s
        .rows(
          `SELECT ${USER_COLUMNS} FROM ${USERS} WHERE s.subject = $1::text AND u.deleted IS NULL`,
          [subject],
        )
        .map(firstOrNull<User>),
    update: (id, patch) =>
      (typeof patch.subject === "string" ? subjectTaken(patch.subject, id) : okAsync(false))
        .andThen((taken) =>
          taken
            ? errAsync(RookeryErrors.conflict("user", "A user with this subject exists."))
            : updateRow(s, id, patch),
        )
        .andThen((updated) => {
          if (updated) {
            return setSubject(s, id, patch)
              .andThen(() => byId(id))
              .andThen((user) =>
                user === null ? errAsync(RookeryErrors.notFound("user")) : okAsync(user),
              );
          }
          // Nothing changed: either there is no such user or the e-mail is taken.
          return byId(id).andThen((found) =>
            errAsync(
              found === null
                ? RookeryErrors.notFound("user")
                : RookeryErrors.conflict("user", "A user with this e-mail exists."),
            ),
          );
        }),
    // The user's claim and subject go with the row (ON DELETE CASCADE on both tables).
    remove: (id) =>
      s
        .rows(`DELETE FROM users.users WHERE id = $1::uuid RETURNING id`, [id])
        .map((rows) => rows.length > 0),
  };
}

/** The row's own columns; false when there is no such user or the e-mail is another's. */
function updateRow(s: UnitSession, id: string, patch: UserPatch): Async<boolean> {
  return s
    .rows(
      `UPDATE users.users SET email = coalesce($2::text, email),
         name = CASE WHEN $3::boolean THEN $4::text ELSE name END, updated = ${UTC("$5")}
       WHERE id = $1::uuid AND deleted IS NULL AND NOT EXISTS (
         SELECT 1 FROM users.users other
         WHERE other.email = $2::text AND other.id <> $1::uuid AND other.deleted IS NULL)
       RETURNING id`,
      [id, patch.email ?? null, patch.name !== undefined, patch.name ?? null, patch.updatedAt],
    )
    .map((rows) => rows.length > 0);
}

/** Sets, replaces or (with null) clears the user's subject; absent from the patch, keeps it. */
function setSubject(s: UnitSession, id: string, patch: UserPatch): Async<void> {
  if (patch.subject === undefined) return okAsync(undefined);
  const statement =
    patch.subject === null
      ? s.rows(`DELETE FROM public.rookery_user_subjects WHERE user_id = $1::uuid`, [id])
      : s.rows(
          `INSERT INTO public.rookery_user_subjects (subject, user_id) VALUES ($2::text, $1::uuid)
           ON CONFLICT (user_id) DO UPDATE SET subject = excluded.subject`,
          [id, patch.subject],
        );
  return statement.map(() => undefined);
}
