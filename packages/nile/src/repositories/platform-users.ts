import { RookeryErrors, type User } from "@rookery/core";
import type { UserRepository } from "@rookery/core/adapter";
import { errAsync, okAsync } from "neverthrow";
import { AS_INSTANT, firstOrNull, modelRow, UTC } from "../sql/rows.js";
import type { UnitSession } from "../sql/unit-session.js";

/** NileDB's built-in `users.users`; a soft-deleted user (`deleted` set) counts as absent. */
const USER_COLUMNS = `id, email, name, ${AS_INSTANT("created", "createdAt")}, ${AS_INSTANT("updated", "updatedAt")}`;

export function userRepository(s: UnitSession): UserRepository {
  const byId = (id: string) =>
    s
      .rows(`SELECT ${USER_COLUMNS} FROM users.users WHERE id = $1::uuid AND deleted IS NULL`, [id])
      .map(firstOrNull<User>);
  return {
    // ON CONFLICT without a target also absorbs the unique index on e-mail, so
    // a duplicate answers CONFLICT without aborting the transaction.
    insert: (user) =>
      s
        .rows(
          `INSERT INTO users.users (id, email, name, created, updated)
             VALUES ($1::uuid, $2::text, $3::text, ${UTC("$4")}, ${UTC("$5")})
             ON CONFLICT DO NOTHING RETURNING ${USER_COLUMNS}`,
          [user.id, user.email, user.name, user.createdAt, user.updatedAt],
        )
        .andThen(([row]) =>
          row === undefined
            ? errAsync(RookeryErrors.conflict("user", "A user with this id or e-mail exists."))
            : okAsync(modelRow<User>(row)),
        ),
    get: byId,
    getMany: (ids) =>
      s
        .rows(
          `SELECT ${USER_COLUMNS} FROM users.users
           WHERE id = ANY ($1::uuid[]) AND deleted IS NULL ORDER BY id`,
          [[...ids]],
        )
        .map((rows) => rows.map((row) => modelRow<User>(row))),
    getByEmail: (email) =>
      s
        .rows(
          `SELECT ${USER_COLUMNS} FROM users.users WHERE email = lower($1::text) AND deleted IS NULL`,
          [email],
        )
        .map(firstOrNull<User>),
    update: (id, patch) =>
      s
        .rows(
          `UPDATE users.users SET email = coalesce($2::text, email),
               name = CASE WHEN $3::boolean THEN $4::text ELSE name END, updated = ${UTC("$5")}
             WHERE id = $1::uuid AND deleted IS NULL AND NOT EXISTS (
               SELECT 1 FROM users.users other
               WHERE other.email = $2::text AND other.id <> $1::uuid AND other.deleted IS NULL)
             RETURNING ${USER_COLUMNS}`,
          [id, patch.email ?? null, patch.name !== undefined, patch.name ?? null, patch.updatedAt],
        )
        .andThen(([row]) => {
          if (row !== undefined) return okAsync(modelRow<User>(row));
          // Nothing changed: either there is no such user or the e-mail is taken.
          return byId(id).andThen((found) =>
            errAsync(
              found === null
                ? RookeryErrors.notFound("user")
                : RookeryErrors.conflict("user", "A user with this e-mail exists."),
            ),
          );
        }),
    // The user's claim goes with the row (ON DELETE CASCADE on the claims table).
    remove: (id) =>
      s
        .rows(`DELETE FROM users.users WHERE id = $1::uuid RETURNING id`, [id])
        .map((rows) => rows.length > 0),
  };
}
