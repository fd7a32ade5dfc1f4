import { randomFillSync } from "node:crypto";
import { z } from "zod";

/**
 * Every id in Rookery is a UUID, branded by what it names so that a
 * `WorkspaceId` can never be passed where a `TenantId` is expected. Ids are
 * kept in lower case, as PostgreSQL prints them, so that every adapter orders
 * and compares them alike.
 */
export const AnyId = z.uuid({ error: "must be a UUID" }).toLowerCase();
const uuid = AnyId;

/** A tenant's id: the company every tenant-owned row belongs to. */
export const TenantId = uuid.brand<"TenantId">();
/** A user's id: Rookery's, not the subject your authentication gives the person. */
export const UserId = uuid.brand<"UserId">();
/** A workspace's id, unique across tenants. */
export const WorkspaceId = uuid.brand<"WorkspaceId">();
/** An application resource's id (a campaign, a template, ...). */
export const ResourceId = uuid.brand<"ResourceId">();
/** An audit event's id; events of one tenant are ordered by it. */
export const AuditEventId = uuid.brand<"AuditEventId">();
/** An invitation's id; the invitation's token carries it. */
export const InvitationId = uuid.brand<"InvitationId">();

/** A tenant's id, branded: a `UserId` or any other id does not fit. */
export type TenantId = z.infer<typeof TenantId>;
/** A user's id, branded. */
export type UserId = z.infer<typeof UserId>;
/** A workspace's id, branded. */
export type WorkspaceId = z.infer<typeof WorkspaceId>;
/** A resource's id, branded. */
export type ResourceId = z.infer<typeof ResourceId>;
/** An audit event's id, branded. */
export type AuditEventId = z.infer<typeof AuditEventId>;
/** An invitation's id, branded. */
export type InvitationId = z.infer<typeof InvitationId>;

/** Produces a fresh id. Injected so that tests and the proof campaign are deterministic. */
export type IdGenerator = () => string;

// Random bytes drawn from the operating system 4 KiB at a time: one system
// call per 256 ids instead of one per id (as node's own randomUUID does).
const ENTROPY_BYTES = 4096;
let entropy = new Uint8Array(0);
let drawn = ENTROPY_BYTES;
function sixteenRandomBytes(): Uint8Array {
  if (drawn + 16 > entropy.length) {
    entropy = randomFillSync(new Uint8Array(ENTROPY_BYTES));
    drawn = 0;
  }
  drawn += 16;
  // A view, not a copy: the id is written over its own bytes, which are never drawn again.
  return entropy.subarray(drawn - 16, drawn);
}

/**
 * UUID version 7: time-ordered, so ordering rows by id is ordering them by
 * creation on every adapter, which keeps pagination identical across stores.
 * Ids made in the same millisecond carry a counter in the 12 `rand_a` bits
 * (RFC 9562, method 1), so they too sort in the order they were made.
 */
export const uuidv7: IdGenerator = (() => {
  let lastMs = -1;
  let counter = 0;
  return () => {
    const bytes = sixteenRandomBytes();
    let ms = Date.now();
    if (ms > lastMs) {
      lastMs = ms;
      counter = ((bytes[6] ?? 0) & 0x07) * 256 + (bytes[7] ?? 0); // start low, leaving room to count
    } else {
      ms = lastMs;
      counter += 1;
      if (counter > 0xfff) {
        // 4096 ids in one millisecond: borrow the next millisecond rather than lose the order.
        lastMs += 1;
        ms = lastMs;
        counter = 0;
      }
    }
    bytes[0] = Math.floor(ms / 2 ** 40) & 0xff;
    bytes[1] = Math.floor(ms / 2 ** 32) & 0xff;
    bytes[2] = (ms >>> 24) & 0xff;
    bytes[3] = (ms >>> 16) & 0xff;
    bytes[4] = (ms >>> 8) & 0xff;
    bytes[5] = ms & 0xff;
    bytes[6] = 0x70 | (counter >>> 8);
    bytes[7] = counter & 0xff;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    return formatUuid(bytes);
  };
})();

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

function formatUuid(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out += "-";
    out += HEX[bytes[i] ?? 0];
  }
  return out;
}
