import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  blocksOf,
  dedent,
  guideFiles,
  guideSources,
  isCheckedSource,
  markersOf,
  pageName,
  QUOTED_LANGUAGES,
  regionsOf,
  sourceRegions,
} from "./snippets.js";

const pages = guideFiles();

describe("the docs quote code that tests compile and run", () => {
  it("finds every page: docs/, the guides, the root README and the packages' READMEs", () => {
    const names = pages.map(pageName);
    expect(names).toContain("docs/guides/members.md");
    expect(names).toContain("docs/security.md");
    expect(names).toContain("README.md");
    expect(names).toContain("packages/core/README.md");
    expect(names.length).toBeGreaterThanOrEqual(29);
  });

  describe.each(pages.map((path) => [pageName(path), path]))("%s", (_, path) => {
    const markdown = readFileSync(path, "utf8");
    const blocks = blocksOf(path, markdown);

    it("has a marker before every code block a reader would run, naming a region that exists", () => {
      const problems: string[] = [];
      for (const block of blocks.filter((b) => QUOTED_LANGUAGES.has(b.lang))) {
        const where = `${block.guide}:${block.line}`;
        if (block.snippet === null) {
          problems.push(`${where}: a ${block.lang} block without a snippet marker`);
          continue;
        }
        const regions = sourceRegions(block.snippet.file);
        if (regions === null) problems.push(`${where}: no file ${block.snippet.file}.ts`);
        else if (!regions.has(block.snippet.region))
          problems.push(`${where}: no region ${block.snippet.region} in ${block.snippet.file}.ts`);
        else if (!isCheckedSource(block.snippet.file))
          problems.push(
            `${where}: ${block.snippet.file}.ts is not in the src of an example or a package`,
          );
      }
      expect(problems).toEqual([]);
    });

    it("follows every marker with a ts block", () => {
      const quoted = new Set(blocks.filter((b) => b.snippet !== null).map((b) => b.line));
      const orphans = markersOf(markdown).filter(
        (m) => ![...quoted].some((line) => line > m.line && line <= m.line + 2),
      );
      expect(orphans).toEqual([]);
      for (const block of blocks.filter((b) => b.snippet !== null)) expect(block.lang).toBe("ts");
    });

    it("quotes each region exactly", () => {
      for (const block of blocks) {
        if (block.snippet === null) continue;
        const region = sourceRegions(block.snippet.file)?.get(block.snippet.region);
        if (region === undefined) continue; // reported above
        expect(
          dedent(block.text.split("\n")).join("\n"),
          `${block.guide}:${block.line} (${block.snippet.file}#${block.snippet.region})`,
        ).toBe(region);
      }
    });
  });

  it("quotes every region of examples/guides and of every file a page quotes from", () => {
    const quotes = pages.flatMap((path) =>
      blocksOf(path).flatMap((b) => (b.snippet === null ? [] : [b.snippet])),
    );
    const quoted = new Set(quotes.map((q) => `${q.file}#${q.region}`));
    const files = new Set([...guideSources(), ...quotes.map((q) => q.file)]);
    const unused = [...files].flatMap((file) =>
      [...(sourceRegions(file) ?? new Map()).keys()]
        .map((region) => `${file}#${region}`)
        .filter((name) => !quoted.has(name)),
    );
    expect(unused).toEqual([]);
  });
});

describe("the snippet reader", () => {
  it("trims the common indentation and blank edges of a region", () => {
    const source = ["  // #region a", "", "    const x = 1;", "      x;", "  // #endregion a"];
    expect(regionsOf(source.join("\n")).get("a")).toBe("const x = 1;\n  x;");
  });

  it("refuses an unclosed or doubled region", () => {
    expect(() => regionsOf("// #region a\nx")).toThrow(/unclosed/);
    expect(() => regionsOf("// #region a\n// #endregion a\n// #region a\n// #endregion a")).toThrow(
      /twice/,
    );
  });

  it("sees a ts block without a marker, and a marker's block", () => {
    const md = "text\n\n```ts\nconst a = 1;\n```\n\n<!-- snippet: members#x -->\n```ts\nb\n```\n";
    const blocks = blocksOf("guide.md", md);
    expect(blocks.map((b) => b.snippet)).toEqual([null, { file: "members", region: "x" }]);
    expect(blocks[1]?.text).toBe("b");
  });

  it("accepts quotes from the src of examples and packages only", () => {
    expect(isCheckedSource("members")).toBe(true);
    expect(isCheckedSource("examples/http/src/hono-app")).toBe(true);
    expect(isCheckedSource("packages/memory/src/memory-adapter")).toBe(true);
    expect(isCheckedSource("scripts/tsup-config")).toBe(false);
    expect(isCheckedSource("packages/nile/test-support/global-setup")).toBe(false);
  });
});
