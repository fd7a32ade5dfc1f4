import { describe, expect, it } from "vitest";
import { isJsonContentType, readJson } from "./json-body.js";

const post = (
  body: string | Uint8Array | ReadableStream<Uint8Array> | null,
  headers: Record<string, string> = {},
) =>
  new Request("http://localhost/x", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
    // Needed by Node's fetch for a streamed body.
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);

/** A body streamed in chunks with no Content-Length, counting what was pulled. */
function streamed(chunks: number, size: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new TextEncoder().encode(" ".repeat(size)));
    },
  });
  return { stream, pulled: () => pulled };
}

describe("readJson", () => {
  it("reads a JSON body", async () => {
    const result = await readJson(post(JSON.stringify({ name: "Pat", tags: ["a"] })));
    expect(result._unsafeUnwrap()).toEqual({ name: "Pat", tags: ["a"] });
  });

  it("answers VALIDATION for malformed JSON, without quoting it", async () => {
    const error = (await readJson(post('{"name": "Pat",')))._unsafeUnwrapErr();
    expect(error).toEqual({
      code: "VALIDATION",
      message: "Invalid body: not valid JSON",
      issues: [{ path: "", message: "not valid JSON" }],
    });
  });

  it("answers VALIDATION for an empty body and for invalid UTF-8", async () => {
    expect((await readJson(post("")))._unsafeUnwrapErr().code).toBe("VALIDATION");
    expect((await readJson(post(null)))._unsafeUnwrapErr().code).toBe("VALIDATION");
    const invalid = (await readJson(post(new Uint8Array([0x22, 0xff, 0x22]))))._unsafeUnwrapErr();
    expect(invalid).toMatchObject({ issues: [{ message: "not valid UTF-8" }] });
  });

  it("refuses a declared length over the limit before reading", async () => {
    const body = JSON.stringify({ text: "x".repeat(200) });
    const error = (await readJson(post(body), { maxBytes: 100 }))._unsafeUnwrapErr();
    expect(error).toEqual({
      code: "BODY_TOO_LARGE",
      message: "The body is larger than the 100 bytes this route accepts.",
      maxBytes: 100,
    });
  });

  it("stops reading a streamed body as soon as it passes the limit", async () => {
    const { stream, pulled } = streamed(1000, 1024);
    const result = await readJson(post(stream), { maxBytes: 10 * 1024 });
    expect(result._unsafeUnwrapErr().code).toBe("BODY_TOO_LARGE");
    // Cut off just past the limit, not after the whole megabyte.
    expect(pulled()).toBeLessThan(20);
  });

  it("accepts a body of exactly the limit", async () => {
    const body = `"${"x".repeat(98)}"`;
    expect((await readJson(post(body), { maxBytes: 100 })).isOk()).toBe(true);
  });

  it("answers UNSUPPORTED_MEDIA_TYPE for a body that is not JSON", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
      const result = await readJson(post('{"a":1}', { "content-type": type }));
      expect(result._unsafeUnwrapErr().code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
  });

  it("survives a deeply nested document", async () => {
    const deep = `${"[".repeat(50_000)}${"]".repeat(50_000)}`;
    const result = await readJson(post(deep), { maxBytes: 200_000 });
    // Parsed or refused, but answered: the schema or core's depth limit refuses it later.
    expect(result.isOk() || result.error.code === "VALIDATION").toBe(true);
  });
});

describe("isJsonContentType", () => {
  it("accepts JSON and +json types with no charset or UTF-8, and nothing else", () => {
    for (const type of [
      "application/json",
      "Application/JSON; charset=UTF-8",
      'application/json; charset="utf-8"',
      "application/merge-patch+json",
      "application/problem+json",
    ])
      expect(isJsonContentType(type), type).toBe(true);
    for (const type of [
      undefined,
      null,
      "",
      "text/plain",
      "application/json; charset=latin1",
      "application/jsonx",
      "multipart/form-data",
    ])
      expect(isJsonContentType(type), String(type)).toBe(false);
  });
});
