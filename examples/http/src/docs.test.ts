import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// docs/http.md quotes this package's regions (the guides' snippet test checks
// each quote equals its region); this checks the other way: no region is
// left out of the page, so the example holds no code the docs do not show.
const page = readFileSync(join(import.meta.dirname, "../../../docs/http.md"), "utf8");
const quoted = new Set(
  [...page.matchAll(/<!-- snippet: examples\/http\/src\/([a-z0-9-]+)#([a-z0-9-]+) -->/g)].map(
    (m) => `${m[1]}#${m[2]}`,
  ),
);
const regions = readdirSync(import.meta.dirname)
  .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
  .flatMap((name) =>
    [
      ...readFileSync(join(import.meta.dirname, name), "utf8").matchAll(
        /\/\/ #region ([a-z0-9-]+)/g,
      ),
    ].map((m) => `${name.replace(/\.ts$/, "")}#${m[1]}`),
  );

describe("docs/http.md and examples/http", () => {
  it("quotes every region of the example", () => {
    expect(regions.length).toBeGreaterThanOrEqual(6);
    expect(regions.filter((region) => !quoted.has(region))).toEqual([]);
  });
});
