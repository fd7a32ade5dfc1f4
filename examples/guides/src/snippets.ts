import { readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";

/**
 * The guides in docs/guides quote their code from this package: a ```ts
 * block preceded by `<!-- snippet: members#add-member -->` must equal the
 * region `// #region add-member` ... `// #endregion add-member` of
 * `src/members.ts`, indentation trimmed.
 */
export const guidesDir = resolve(import.meta.dirname, "../../../docs/guides");
const sourceDir = import.meta.dirname;

/** `file` is a file of this package's src, or a repository path such as `packages/memory/src/x`. */
const marker = /^<!-- snippet: ([a-z0-9./-]+)#([a-z0-9-]+) -->$/;
const repositoryRoot = resolve(import.meta.dirname, "../../..");
const fence = /^```(\S*)\s*$/;

/** A code block of a guide, with the snippet its marker names (null when it has none). */
export interface GuideBlock {
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

/** Pages outside docs/guides whose code blocks are quoted the same way. */
const otherDocs = [resolve(guidesDir, "..", "adapters.md"), resolve(guidesDir, "..", "http.md")];

export function guideFiles(): string[] {
  return [
    ...readdirSync(guidesDir)
      .filter((name) => name.endsWith(".md"))
      .sort()
      .map((name) => join(guidesDir, name)),
    ...otherDocs,
  ];
}

export function blocksOf(path: string, markdown = readFileSync(path, "utf8")): GuideBlock[] {
  const lines = markdown.split("\n");
  const blocks: GuideBlock[] = [];
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
      guide: basename(path),
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

/** The markers of a guide, so that a marker followed by no ```ts block is caught too. */
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

export function sourceRegions(file: string): Map<string, string> | null {
  const path = file.includes("/")
    ? join(repositoryRoot, `${file}.ts`)
    : join(sourceDir, `${file}.ts`);
  try {
    return regionsOf(readFileSync(path, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
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
