import { describe, expect, it } from "vitest";
import { redactConnectionStrings } from "./redact.js";

describe("redactConnectionStrings", () => {
  it.each([
    ["postgres://app:s3cret@db.example.com:5432/app", "postgres://app:***@db.example.com:5432/app"],
    ["postgresql://app:p@ss@[bad/db", "postgresql://app:***@[bad/db"],
    [
      "failed for postgres://a:x@h/d and postgres://b:y@h/d.",
      "failed for postgres://a:***@h/d and postgres://b:***@h/d.",
    ],
    ["host=db user=app password=s3cret dbname=app", "host=db user=app password=*** dbname=app"],
    ["password = 'se cret' host=db", "password = *** host=db"],
  ])("hides the password in %j", (text, redacted) => {
    expect(redactConnectionStrings(text)).toBe(redacted);
  });

  it.each(["postgres://app@db/app", "postgres://db:5432/app", "no connection string here"])(
    "leaves %j as it is",
    (text) => {
      expect(redactConnectionStrings(text)).toBe(text);
    },
  );
});
