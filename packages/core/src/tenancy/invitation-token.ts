import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { InvitationId, TenantId } from "../ids.js";

/** A prefix that names what the token is, so that secret scanners and people recognise it. */
const PREFIX = "rki_";
const SECRET_BYTES = 32;
const TOKEN_BYTES = 16 + 16 + SECRET_BYTES;

/** What an invitation token carries: where the invitation is, and the secret that proves it was given. */
export interface TokenParts {
  readonly tenantId: TenantId;
  readonly invitationId: InvitationId;
  readonly secret: Buffer;
}

/** A fresh token for an invitation, with the hash of its secret (what the store keeps). */
export function issueToken(
  tenantId: TenantId,
  invitationId: InvitationId,
): { token: string; secretHash: string } {
  const secret = randomBytes(SECRET_BYTES);
  const bytes = Buffer.concat([uuidBytes(tenantId), uuidBytes(invitationId), secret]);
  return { token: `${PREFIX}${bytes.toString("base64url")}`, secretHash: hashSecret(secret) };
}

/** The parts of a token, or null for anything that is not one. Reads nothing. */
export function readToken(token: unknown): TokenParts | null {
  if (typeof token !== "string" || !token.startsWith(PREFIX) || token.length > 200) return null;
  const bytes = Buffer.from(token.slice(PREFIX.length), "base64url");
  if (bytes.length !== TOKEN_BYTES) return null;
  const tenantId = TenantId.safeParse(uuidText(bytes.subarray(0, 16)));
  const invitationId = InvitationId.safeParse(uuidText(bytes.subarray(16, 32)));
  if (!tenantId.success || !invitationId.success) return null;
  return { tenantId: tenantId.data, invitationId: invitationId.data, secret: bytes.subarray(32) };
}

/** Whether `secret` is the one whose hash was stored, compared in constant time. */
export function secretMatches(secret: Buffer, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

// A 256-bit random secret needs no slow hash: SHA-256 cannot be inverted, nor the secret guessed.
function hashSecret(secret: Buffer): string {
  return createHash("sha256").update(secret).digest("hex");
}

function uuidBytes(id: string): Buffer {
  return Buffer.from(id.replaceAll("-", ""), "hex");
}

function uuidText(bytes: Buffer): string {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
