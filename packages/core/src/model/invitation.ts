import { z } from "zod";
import { InvitationId, UserId, WorkspaceId } from "../ids.js";
import { Email, TenantOwned, Timestamp } from "./common.js";

/** Where an invitation stands. An expired one stays `pending`: compare `expiresAt` with the time. */
export const InvitationStatus = z.enum(["pending", "accepted", "declined", "revoked"]);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

/** The roles an invitation may give: owners are made only by transferring ownership. */
export const InvitedRole = z.enum(["admin", "member"], {
  error: "must be admin or member (owners are made by transfer)",
});
export type InvitedRole = z.infer<typeof InvitedRole>;

/**
 * An invitation to join a tenant, as the services answer it. It is the
 * tenant's: it names nothing of another tenant, and creating it looked
 * nothing up about the address.
 */
export const Invitation = TenantOwned.extend({
  id: InvitationId,
  /** Who is invited; the accepting user must have this address (compared in lower case). */
  email: Email,
  role: InvitedRole,
  /** Workspaces the new member is assigned to on acceptance (members only). */
  workspaceIds: z.array(WorkspaceId).max(100),
  invitedBy: UserId,
  status: InvitationStatus,
  expiresAt: Timestamp,
  /** The user who accepted; null until then. */
  acceptedBy: UserId.nullable(),
});
export type Invitation = z.infer<typeof Invitation>;

/** The SHA-256 of a token's secret, in hex: what the store keeps instead of the token. */
const SecretHash = z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 in hex");

/** An invitation as stored: with the hash of its token's secret, never the token itself. */
export const InvitationRecord = Invitation.extend({ secretHash: SecretHash });
export type InvitationRecord = z.infer<typeof InvitationRecord>;

/** What an adapter's `invitations.update` may change. */
export const InvitationPatch = z.strictObject({
  status: InvitationStatus.optional(),
  secretHash: SecretHash.optional(),
  expiresAt: Timestamp.optional(),
  acceptedBy: UserId.nullable().optional(),
  updatedAt: Timestamp,
});
/** What an adapter's `invitations.update` may change. */
export type InvitationPatch = z.infer<typeof InvitationPatch>;
