import { createHmac, timingSafeEqual } from "node:crypto";
import { err, ok, type Result } from "neverthrow";
import { z } from "zod";
import { type RookeryError, RookeryErrors } from "../errors.js";
import { TenantId, UserId } from "../ids.js";
import type { JobConfig } from "./config.js";
import type { ScopeIdentity } from "./scoped.js";

const Payload = z.strictObject({ v: z.literal(1), u: UserId, t: TenantId, exp: z.number().int() });

const DAY = 86_400;

/**
 * Serialises a scope for a background job: who, which tenant, until when,
 * signed with the application's secret so a tampered or forged token is
 * refused. It grants nothing by itself: resuming re-reads the membership.
 */
export function signJobToken(
  config: JobConfig | undefined,
  who: ScopeIdentity,
  now: Date,
): Result<string, RookeryError> {
  if (config === undefined) {
    return err(
      RookeryErrors.configuration(
        "Job tokens need `jobs.secret` in createTenancy's configuration.",
      ),
    );
  }
  const exp = Math.floor(now.getTime() / 1000) + (config.ttlSeconds ?? DAY);
  const body = Buffer.from(JSON.stringify({ v: 1, u: who.userId, t: who.tenantId, exp })).toString(
    "base64url",
  );
  return ok(`${body}.${sign(config.secret, body)}`);
}

/** Checks a job token's signature and expiry; FORBIDDEN for any token that fails. */
export function verifyJobToken(
  config: JobConfig | undefined,
  token: unknown,
  now: Date,
): Result<ScopeIdentity, RookeryError> {
  const refused = err(RookeryErrors.forbidden("The job token is invalid or expired."));
  if (config === undefined || typeof token !== "string" || token.length > 1000) return refused;
  const [body, signature, extra] = token.split(".");
  if (body === undefined || signature === undefined || extra !== undefined) return refused;
  const expected = Buffer.from(sign(config.secret, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refused;
  let payload: z.infer<typeof Payload>;
  try {
    const parsed = Payload.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    if (!parsed.success) return refused;
    payload = parsed.data;
  } catch {
    return refused;
  }
  if (payload.exp * 1000 <= now.getTime()) return refused;
  return ok({ userId: payload.u, tenantId: payload.t });
}

function sign(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body).digest("base64url");
}
