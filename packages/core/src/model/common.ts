import { z } from "zod";
import { TenantId } from "../ids.js";

/** An instant, as an ISO-8601 UTC string: serialisable and comparable by value. */
export const Timestamp = z.iso.datetime({ offset: false, error: "must be an ISO-8601 UTC time" });
export type Timestamp = z.infer<typeof Timestamp>;

// An unpaired UTF-16 surrogate: a string that no UTF-8 store can keep as it is.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text every store keeps as it was given. PostgreSQL refuses NUL characters
 * and unpaired surrogates; refusing them here makes every adapter answer the
 * same VALIDATION, naming the field, instead of one storing them and another
 * failing later.
 */
const StorableText = z
  .string()
  .refine((text) => !text.includes("\u0000"), "must not contain NUL characters")
  .refine((text) => !LONE_SURROGATE.test(text), "must not contain unpaired surrogates");

/** A name people read: trimmed, 1 to 200 characters. */
export const DisplayName = StorableText.trim().min(1).max(200);

/**
 * The application's own identity for a user: the subject its authentication
 * provider gives them (better-auth and Auth.js user ids, Clerk's `user_2x...`,
 * WorkOS's `user_01...`, an OIDC `sub`). Opaque: kept exactly as given, not
 * trimmed or case-folded, 1 to 255 characters of storable text.
 */
export const Subject = StorableText.min(1).max(255);

/**
 * Who acted on the platform's side: the application's name for an operator
 * (an e-mail, a staff id, `billing-webhook`), recorded with what they did.
 * Trimmed, 1 to 255 characters of storable text.
 */
export const OperatorName = StorableText.trim().min(1).max(255);

/** A machine name (plan, resource type, limit): lower-case, digits, `_` and `-`. */
export const Slug = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,62}$/, "must be lower-case letters, digits, '_' or '-' (max 63)");

/** An e-mail address, normalised to lower case so uniqueness is case-insensitive. */
export const Email = StorableText.trim()
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
/** A key of stored JSON: storable text, at most 200 characters. */
const JsonKey = StorableText.max(200);
export const JsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    StorableText.max(100_000),
    z.number().finite(),
    z.boolean(),
    z.null(),
    z.array(JsonValue).max(10_000),
    z.record(JsonKey, JsonValue),
  ]),
);

const MAX_DEPTH = 64;

/**
 * Refuses, before the schema reads it, what a record schema would silently
 * drop or could not walk: an own `__proto__` key (zod skips it, so a patch
 * made only of it would "succeed" with nothing changed) and nesting deeper
 * than {@link MAX_DEPTH} (which would exhaust the stack). Iterative, so the
 * check itself cannot overflow.
 */
const JsonShape = z.unknown().superRefine((value, ctx) => {
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== "object" || next.value === null) continue;
    if (next.path.length > MAX_DEPTH) {
      ctx.addIssue({ code: "custom", path: next.path, message: `nested deeper than ${MAX_DEPTH}` });
      return;
    }
    if (!Array.isArray(next.value) && Object.hasOwn(next.value, "__proto__")) {
      ctx.addIssue({
        code: "custom",
        path: [...next.path, "__proto__"],
        message: "`__proto__` cannot be a key",
      });
      return;
    }
    for (const [key, child] of Object.entries(next.value)) {
      pending.push({
        value: child,
        path: [...next.path, Array.isArray(next.value) ? Number(key) : key],
      });
    }
  }
});

/** A JSON object as stored in resource data, settings and audit snapshots. */
export const JsonObject = JsonShape.pipe(z.record(JsonKey, JsonValue));
export type JsonObject = z.infer<typeof JsonObject>;

/** Fields every stored row has. */
export const Stamped = z.strictObject({
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

/** Fields every tenant-owned row has: its tenant and its stamps. */
export const TenantOwned = Stamped.extend({ tenantId: TenantId });
