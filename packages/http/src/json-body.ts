import { RookeryErrors, type ValidationError } from "@rookery/core";
import { err, ok, type Result } from "neverthrow";
import { type HttpError, HttpErrors } from "./http-errors.js";

/** How large a JSON body may be: 100 KiB by default. */
export interface JsonBodyOptions {
  /** The largest body accepted, in bytes; 100 KiB (Express's default) when not given. */
  readonly maxBytes?: number;
}

/** What reading a JSON body can fail with: 400, 413 or 415, never a crash. */
export type JsonBodyError = ValidationError | HttpError;

const DEFAULT_MAX_BYTES = 100 * 1024;

/**
 * True for `application/json` and any `+json` type (`application/merge-patch+json`),
 * with no charset or a UTF-8 one: JSON exchanged between systems is UTF-8 (RFC 8259).
 */
export function isJsonContentType(header: string | null | undefined): boolean {
  if (header === null || header === undefined) return false;
  const [essence = "", ...parameters] = header.toLowerCase().split(";");
  const type = essence.trim();
  if (type !== "application/json" && !/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+\+json$/.test(type))
    return false;
  const charset = parameters
    .map((p) => p.trim().split("="))
    .find(([name]) => name === "charset")?.[1]
    ?.replaceAll('"', "");
  return charset === undefined || charset === "utf-8" || charset === "utf8";
}

/**
 * Reads a web `Request`'s body as JSON, within `maxBytes`: a declared length
 * over the limit is refused before anything is read, and a body streamed
 * without one is cut off as soon as it passes the limit, so an oversized body
 * is never held in memory. Malformed JSON, invalid UTF-8 and an empty body
 * are VALIDATION (400); too large is BODY_TOO_LARGE (413); a body that is not
 * JSON by its Content-Type is UNSUPPORTED_MEDIA_TYPE (415).
 */
export async function readJson(
  request: Request,
  options: JsonBodyOptions = {},
): Promise<Result<unknown, JsonBodyError>> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const body = request.body;
  if (body === null) return err(bodyIssue("required: send a JSON document"));
  if (!isJsonContentType(request.headers.get("content-type"))) {
    await body.cancel().catch(() => undefined);
    return err(HttpErrors.unsupportedMediaType());
  }
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await body.cancel().catch(() => undefined);
    return err(HttpErrors.bodyTooLarge(maxBytes));
  }
  const bytes = await readAtMost(body, maxBytes);
  if (bytes === "too-large") return err(HttpErrors.bodyTooLarge(maxBytes));
  if (bytes === "unreadable") return err(bodyIssue("could not be read"));
  return parseJsonBytes(bytes);
}

/** Parses UTF-8 bytes as JSON, with the errors `readJson` documents. */
function parseJsonBytes(bytes: Uint8Array): Result<unknown, ValidationError> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return err(bodyIssue("not valid UTF-8"));
  }
  if (text.trim() === "") return err(bodyIssue("required: send a JSON document"));
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    // The parser's own message quotes the body; the client has that already.
    return err(bodyIssue("not valid JSON"));
  }
}

async function readAtMost(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<Uint8Array | "too-large" | "unreadable"> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return "too-large";
      }
      chunks.push(value);
    }
  } catch {
    return "unreadable";
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function bodyIssue(message: string): ValidationError {
  return RookeryErrors.validation([{ path: "", message }], "body");
}
