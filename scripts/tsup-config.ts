import { defineConfig, type Options } from "tsup";

/**
 * The one build every @rookery package uses: ESM + CJS with matching
 * `.d.ts` / `.d.cts`, so the types-first exports map resolves under every
 * module system that `attw` checks.
 */
export function packageBuild(overrides: Options = {}) {
  return defineConfig({
    entry: ["src/index.ts"],
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
