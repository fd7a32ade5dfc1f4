import { RookeryErrors, type UserId } from "@rookery/core";
import type { TenantClaim, TenantClaimRepository } from "@rookery/core/adapter";
import { errAsync, okAsync } from "neverthrow";
import { firstOrNull } from "../sql/rows.js";
import type { UnitSession } from "../sql/unit-session.js";

// The tenant column is not called `tenant_id`: on NileDB that name would make
// the table tenant-aware, and this table must be shared to key on the user alone.
const CLAIM_COLUMNS = `user_id AS "userId", claimed_tenant_id AS "tenantId", claimed_at AS "claimedAt"`;

export function claimRepository(s: UnitSession): TenantClaimRepository {
  const held = (userId: string) =>
    s
      .rows(`SELECT ${CLAIM_COLUMNS} FROM public.rookery_tenant_claims WHERE user_id = $1::uuid`, [
        userId,
      ])
      .map(firstOrNull<TenantClaim>);
  return {
    // The primary key on user_id makes "one tenant per user" the database's
    // guarantee: of two racing claims, the second waits and then finds the first.
    claim: (claim) =>
      s
        .rows<{ tenantFound: boolean; userFound: boolean; inserted: boolean }>(
          `WITH t AS (SELECT EXISTS (SELECT 1 FROM public.tenants WHERE id = $2::uuid) AS found),
                  u AS (SELECT EXISTS (SELECT 1 FROM users.users WHERE id = $1::uuid AND deleted IS NULL) AS found),
                  ins AS (INSERT INTO public.rookery_tenant_claims (user_id, claimed_tenant_id, claimed_at)
                          SELECT $1::uuid, $2::uuid, $3::timestamptz
                          WHERE (SELECT found FROM t) AND (SELECT found FROM u)
                          ON CONFLICT (user_id) DO NOTHING RETURNING 1)
             SELECT (SELECT found FROM t) AS "tenantFound", (SELECT found FROM u) AS "userFound",
                    EXISTS (SELECT 1 FROM ins) AS inserted`,
          [claim.userId, claim.tenantId, claim.claimedAt],
        )
        .andThen(([flags]) => {
          if (flags?.tenantFound !== true) return errAsync(RookeryErrors.notFound("tenant"));
          if (!flags.userFound) return errAsync(RookeryErrors.notFound("user"));
          if (flags.inserted) return okAsync(claim);
          return held(claim.userId).andThen((current) =>
            current?.tenantId === claim.tenantId
              ? okAsync(current)
              : errAsync(RookeryErrors.conflict("user", "The user already belongs to a tenant.")),
          );
        }),
    get: held,
    release: (userId, tenantId) =>
      s
        .rows(
          `DELETE FROM public.rookery_tenant_claims WHERE user_id = $1::uuid AND claimed_tenant_id = $2::uuid RETURNING 1`,
          [userId, tenantId],
        )
        .map((rows) => rows.length > 0),
    releaseAll: (tenantId) =>
      s
        .rows(
          `DELETE FROM public.rookery_tenant_claims WHERE claimed_tenant_id = $1::uuid
           RETURNING user_id AS "userId"`,
          [tenantId],
        )
        .map((rows) => rows.map((row) => row.userId as UserId).sort()),
  };
}
