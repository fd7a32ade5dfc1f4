import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The workspace type-checks, tests and runs the packages' `src/`, never a
// stale `dist/`: each @rookery import resolves through the "@rookery/source"
// export condition, which tsc (customConditions), vitest (its config) and
// node (`--conditions`) are all given. These tests pin that for tsc and node
// in every workspace project; the suite itself runs without a build.
const root = join(import.meta.dirname, "..");
const CONDITION = "@rookery/source";

interface Manifest {
  name: string;
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const readManifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));

const projectDirs = ["packages", "examples"]
  .flatMap((group) => readdirSync(join(root, group)).map((name) => join(root, group, name)))
  .concat(join(root, "benchmarks"))
  .filter((dir) => existsSync(join(dir, "tsconfig.json")));

/** Every `@rookery/*` specifier a package publishes, with the source file it must reach. */
const sources = new Map<string, string>();
for (const dir of projectDirs.filter((d) => relative(root, d).startsWith("packages"))) {
  const manifest = readManifest(dir);
  for (const [key, value] of Object.entries(manifest.exports ?? {})) {
    const source = (value as Record<string, string>)[CONDITION];
    if (source === undefined) continue;
    const specifier = key === "." ? manifest.name : `${manifest.name}/${key.slice(2)}`;
    sources.set(specifier, join(dir, source));
  }
}

/** The workspace packages a project imports: those it lists with the workspace protocol. */
function workspaceImports(dir: string): string[] {
  const m = readManifest(dir);
  const all = { ...m.peerDependencies, ...m.dependencies, ...m.devDependencies };
  const names = Object.keys(all).filter((name) => all[name]?.startsWith("workspace:"));
  return [...sources.keys()].filter((specifier) =>
    names.some((name) => specifier === name || specifier.startsWith(`${name}/`)),
  );
}

describe("the workspace resolves @rookery packages to their source", () => {
  it("finds the packages and their entries", () => {
    expect(sources.size).toBeGreaterThanOrEqual(5);
    for (const file of sources.values()) expect(existsSync(file), file).toBe(true);
  });

  for (const dir of projectDirs) {
    const name = relative(root, dir);
    const specifiers = workspaceImports(dir);
    if (specifiers.length === 0) continue;

    it(`${name}: tsc with the project's tsconfig`, () => {
      const config = ts.getParsedCommandLineOfConfigFile(
        join(dir, "tsconfig.json"),
        {},
        { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
      );
      if (config === undefined) throw new Error(`cannot read ${name}/tsconfig.json`);
      const from = join(dir, "src", "importer.ts");
      for (const specifier of specifiers) {
        const resolved = ts.resolveModuleName(specifier, from, config.options, ts.sys);
        expect(resolved.resolvedModule?.resolvedFileName, specifier).toBe(sources.get(specifier));
      }
    });

    it(`${name}: node --conditions=${CONDITION}`, () => {
      const script = `for (const s of ${JSON.stringify(specifiers)}) console.log(import.meta.resolve(s));`;
      const out = execFileSync(
        process.execPath,
        [`--conditions=${CONDITION}`, "--input-type=module", "-e", script],
        { cwd: dir, encoding: "utf8" },
      );
      const resolved = out
        .trim()
        .split("\n")
        .map((url) => new URL(url).pathname);
      expect(resolved).toEqual(specifiers.map((specifier) => sources.get(specifier)));
    });
  }
});
