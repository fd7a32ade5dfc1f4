import { z } from "zod";
import { TenantId } from "../ids.js";

/** An instant, as an ISO-8601 UTC string: serialisable and comparable by value. */
export const Timestamp = z.iso.datetime({ offset: false, error: "must be an ISO-8601 UTC time" });
export type Timestamp = z.infer<typeof Timestamp>;

/** A name people read: trimmed, 1 to 200 characters. */
export const DisplayName = z.string().trim().min(1).max(200);

/** A machine name (plan, resource type, limit): lower-case, digits, `_` and `-`. */
export const Slug = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,62}$/, "must be lower-case letters, digits, '_' or '-' (max 63)");

/** An e-mail address, normalised to lower case so uniqueness is case-insensitive. */
export const Email = z
  .string()
  .trim()
  .max(320)
  .pipe(z.email({ error: "must be an e-mail address" }))
  .transform((email) => email.toLowerCase());

/** Any JSON value, as stored in resource data, settings and audit snapshots. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };
export const JsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string().max(100_000),
    z.number().finite(),
    z.boolean(),
    z.null(),
    z.array(JsonValue).max(10_000),
    z.record(z.string().max(200), JsonValue),
  ]),
);
export const JsonObject = z.record(z.string().max(200), JsonValue);
export type JsonObject = z.infer<typeof JsonObject>;

/** Fields every stored row has. */
export const Stamped = z.strictObject({
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

/** Fields every tenant-owned row has: its tenant and its stamps. */
export const TenantOwned = Stamped.extend({ tenantId: TenantId });
