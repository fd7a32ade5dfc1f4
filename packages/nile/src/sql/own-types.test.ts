import pg from "pg";
import { describe, expect, it } from "vitest";
import { instant, OWN_TYPES } from "./own-types.js";

const pgInstant = (text: string) => (pg.types.getTypeParser(1184) as (v: string) => Date)(text);

describe("instants of Rookery's own statements", () => {
  it("become the ISO string a Date would give, milliseconds cut, for every fraction length", () => {
    const texts = [
      "2026-11-29 21:00:00+00",
      "2026-11-29 21:00:00.1+00",
      "2026-11-29 21:00:00.12+00",
      "2026-11-29 21:00:00.123+00",
      "2026-11-29 21:00:00.123999+00",
      "0001-01-01 00:00:00.000001+00",
      "9999-12-31 23:59:59.999999+00",
    ];
    for (const text of texts) expect(instant(text)).toBe(pgInstant(text).toISOString());
    expect(instant("2026-11-29 21:00:00.123999+00")).toBe("2026-11-29T21:00:00.123Z");
  });

  it("read another time zone's text through pg's parser, to the same instant", () => {
    expect(instant("2026-11-29 22:30:00.5+01:30")).toBe("2026-11-29T21:00:00.500Z");
    expect(instant("2026-11-29 13:00:00-08")).toBe("2026-11-29T21:00:00.000Z");
  });

  it("leave what is no instant of the model to pg's parser", () => {
    expect(instant("infinity")).toBe(pgInstant("infinity"));
    expect(instant("12026-11-29 21:00:00+00")).toBe(
      pgInstant("12026-11-29 21:00:00+00").toISOString(),
    );
  });

  it("fail a text no ISO DateStyle gives, instead of answering null", () => {
    expect(() => instant("04/07/2026 23:59:58.987 UTC")).toThrow(/DateStyle must be ISO/);
    expect(() => instant("Sat Jul 04 23:59:58.987 2026 UTC")).toThrow(/DateStyle must be ISO/);
  });

  it("leave every other type to pg's default parser", () => {
    expect(OWN_TYPES.getTypeParser(3802)('{"a":1}')).toEqual({ a: 1 });
    expect(OWN_TYPES.getTypeParser(1184)).toBe(instant);
  });
});
