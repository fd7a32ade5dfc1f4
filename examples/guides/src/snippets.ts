import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";

/**
 * The docs quote their code from sources that tests compile and run: a ```ts
 * block preceded by `<!-- snippet: members#add-member -->` must equal the
 * region `// #region add-member` ... `// #endregion add-member` of
 * `examples/guides/src/members.ts`, indentation trimmed. A file named with a
 * slash is a repository path without `.ts` (`examples/http/src/hono-app`).
 * Every page of docs/, the root README and the packages' READMEs are checked.
 */
const repositoryRoot = resolve(import.meta.dirname, "../../..");
const docsDir = join(repositoryRoot, "docs");
export const guidesDir = join(docsDir, "guides");
const sourceDir = import.meta.dirname;

const marker = /^<!-- snippet: ([a-z0-9./-]+)#([a-z0-9-]+) -->$/;
const fence = /^```(\S*)\s*$/;

/** Languages whose blocks must be quoted from a source: code a reader would copy and run. */
export const QUOTED_LANGUAGES: ReadonlySet<string> = new Set([
  "ts",
  "typescript",
  "tsx",
  "js",
  "javascript",
  "mjs",
]);

/** A code block of a page, with the snippet its marker names (null when it has none). */
export interface GuideBlock {
  /** The page's path from the repository root. */
  readonly guide: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  readonly text: string;
  readonly snippet: { readonly file: string; readonly region: string } | null;
  /** Line indexes of the block's content, for rewriting it. */
  readonly start: number;
  readonly end: number;
}

/** Every page whose code blocks are checked: docs/ (all of it), the root README, each package's README. */
export function guideFiles(): string[] {
  const packages = join(repositoryRoot, "packages");
  const readmes = readdirSync(packages)
    .sort()
    .map((name) => join(packages, name, "README.md"))
    .filter((path) => existsSync(path));
  return [...markdownUnder(docsDir), join(repositoryRoot, "README.md"), ...readmes];
}

function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      // docs/api is the generated API reference (`pnpm run docs`), not a page.
      if (entry.isDirectory()) return path === join(docsDir, "api") ? [] : markdownUnder(path);
      return entry.name.endsWith(".md") ? [path] : [];
    });
}

/** A page's path from the repository root, as problems name it. */
export function pageName(path: string): string {
  return relative(repositoryRoot, path);
}

export function blocksOf(path: string, markdown = readFileSync(path, "utf8")): GuideBlock[] {
  const lines = markdown.split("\n");
  const blocks: GuideBlock[] = [];
  const name = path.startsWith(repositoryRoot) ? pageName(path) : basename(path);
  let i = 0;
  while (i < lines.length) {
    const open = fence.exec(lines[i] ?? "");
    if (open === null) {
      i += 1;
      continue;
    }
    let close = i + 1;
    while (close < lines.length && lines[close]?.trimEnd() !== "```") close += 1;
    const previous = previousNonBlank(lines, i);
    const named = previous === undefined ? null : marker.exec(previous.trim());
    blocks.push({
      guide: name,
      line: i + 1,
      lang: open[1] ?? "",
      text: lines.slice(i + 1, close).join("\n"),
      snippet: named === null ? null : { file: named[1] ?? "", region: named[2] ?? "" },
      start: i + 1,
      end: close,
    });
    i = close + 1;
  }
  return blocks;
}

/** The markers of a page, so that a marker followed by no ```ts block is caught too. */
export function markersOf(markdown: string): { file: string; region: string; line: number }[] {
  return markdown.split("\n").flatMap((text, index) => {
    const named = marker.exec(text.trim());
    return named === null
      ? []
      : [{ file: named[1] ?? "", region: named[2] ?? "", line: index + 1 }];
  });
}

/** The named regions of one source file, each with its indentation trimmed. */
export function regionsOf(source: string): Map<string, string> {
  const regions = new Map<string, string>();
  const open = new Map<string, string[]>();
  for (const line of source.split("\n")) {
    const start = /^\s*\/\/ #region ([a-z0-9-]+)\s*$/.exec(line);
    const end = /^\s*\/\/ #endregion ([a-z0-9-]+)\s*$/.exec(line);
    if (start?.[1] !== undefined) {
      if (open.has(start[1]) || regions.has(start[1])) throw new Error(`region ${start[1]} twice`);
      open.set(start[1], []);
    } else if (end?.[1] !== undefined) {
      const body = open.get(end[1]);
      if (body === undefined) throw new Error(`#endregion ${end[1]} without its #region`);
      regions.set(end[1], dedent(body).join("\n"));
      open.delete(end[1]);
    } else {
      for (const body of open.values()) body.push(line);
    }
  }
  if (open.size > 0) throw new Error(`unclosed region(s): ${[...open.keys()].join(", ")}`);
  return regions;
}

/** The source file a marker names: this package's src without a slash, else a repository path. */
function sourcePath(file: string): string {
  return file.includes("/") ? join(repositoryRoot, `${file}.ts`) : join(sourceDir, `${file}.ts`);
}

export function sourceRegions(file: string): Map<string, string> | null {
  try {
    return regionsOf(readFileSync(sourcePath(file), "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * Where quoted code may live: the `src` of an example or a package, which
 * `pnpm typecheck` compiles and whose tests run it.
 */
export function isCheckedSource(file: string): boolean {
  return /^(examples|packages)\/[a-z0-9-]+\/src\//.test(relative(repositoryRoot, sourcePath(file)));
}

/** This package's sources, tests aside: each of their regions must be quoted by some page. */
export function guideSources(): string[] {
  return readdirSync(sourceDir)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
    .map((name) => name.replace(/\.ts$/, ""))
    .sort();
}

export function dedent(lines: readonly string[]): string[] {
  let first = 0;
  let last = lines.length;
  while (first < last && (lines[first] ?? "").trim() === "") first += 1;
  while (last > first && (lines[last - 1] ?? "").trim() === "") last -= 1;
  const kept = lines.slice(first, last);
  const indents = kept.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return kept.map((l) => l.slice(common).trimEnd());
}

function previousNonBlank(lines: readonly string[], index: number): string | undefined {
  for (let i = index - 1; i >= 0; i -= 1) {
    if ((lines[i] ?? "").trim() !== "") return lines[i];
  }
  return undefined;
}
