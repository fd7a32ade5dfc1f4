import { readFileSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

/**
 * The source files the package's exports map names under the workspace's
 * "@rookery/source" condition: one build entry per published entry, so a new
 * entry is added in package.json alone.
 */
export function sourceEntries(): string[] {
  const manifest = JSON.parse(readFileSync("package.json", "utf8")) as {
    exports?: Record<string, string | Record<string, string>>;
  };
  return Object.values(manifest.exports ?? {}).flatMap((conditions) => {
    const source = typeof conditions === "object" ? conditions["@rookery/source"] : undefined;
    return source === undefined ? [] : [source.replace(/^\.\//, "")];
  });
}

/**
 * The one build every @rookery package uses: ESM + CJS with matching
 * `.d.ts` / `.d.cts`, so the types-first exports map resolves under every
 * module system that `attw` checks.
 */
export function packageBuild(overrides: Options = {}) {
  return defineConfig({
    entry: sourceEntries(),
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "node20",
    splitting: false,
    treeshake: true,
    ...overrides,
  });
}
