import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { blocksOf, dedent, guideFiles, markersOf, regionsOf, sourceRegions } from "./snippets.js";

const guides = guideFiles();

describe("the guides quote the code of examples/guides", () => {
  it("finds the guides", () => {
    expect(guides.length).toBeGreaterThanOrEqual(8);
  });

  describe.each(guides.map((path) => [path.split("/").at(-1) ?? path, path]))("%s", (_, path) => {
    const markdown = readFileSync(path, "utf8");
    const blocks = blocksOf(path, markdown);

    it("has a marker before every ts block, naming a region that exists", () => {
      const problems: string[] = [];
      for (const block of blocks.filter((b) => b.lang === "ts" || b.lang === "typescript")) {
        const where = `${block.guide}:${block.line}`;
        if (block.snippet === null) {
          problems.push(`${where}: a ts block without a snippet marker`);
          continue;
        }
        const regions = sourceRegions(block.snippet.file);
        if (regions === null) problems.push(`${where}: no file src/${block.snippet.file}.ts`);
        else if (!regions.has(block.snippet.region))
          problems.push(`${where}: no region ${block.snippet.region} in ${block.snippet.file}.ts`);
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

  it("uses every region of the guide sources somewhere", () => {
    const quoted = new Set(
      guides.flatMap((path) =>
        blocksOf(path).flatMap((b) =>
          b.snippet === null ? [] : [`${b.snippet.file}#${b.snippet.region}`],
        ),
      ),
    );
    const files = guides.map((path) => (path.split("/").at(-1) ?? "").replace(/\.md$/, ""));
    const unused = files.flatMap((file) =>
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
});
