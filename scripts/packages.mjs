// The published @rookery packages, and their tarballs as pnpm packs them: the
// root LICENSE copied in, `workspace:` ranges replaced by versions, and
// `publishConfig.exports` (the exports map without the source condition) in
// place of `exports`. Every check of what users install starts from these.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..");

/** The export condition under which the workspace resolves a package to its `src/`. */
export const SOURCE_CONDITION = "@rookery/source";

/** Every package under packages/ that is not private: `{ name, dir, manifest }`. */
export function publishedPackages() {
  const packagesDir = join(ROOT, "packages");
  return readdirSync(packagesDir)
    .map((entry) => {
      const dir = join(packagesDir, entry);
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      return { name: manifest.name, dir, manifest };
    })
    .filter((pkg) => pkg.manifest.private !== true);
}

/** Packs one package into `destination`; returns the tarball's path and its file list. */
export function pack(pkg, destination) {
  const out = execFileSync("pnpm", ["pack", "--json", "--pack-destination", destination], {
    cwd: pkg.dir,
    encoding: "utf8",
  });
  const report = JSON.parse(out);
  return { tarball: report.filename, files: report.files.map((file) => file.path) };
}

/**
 * The entries a package publishes: `specifier` is its name, or `name/sub` for
 * each subpath; `cjs` says whether it also has a require() build.
 */
export function entriesOf(pkg) {
  return Object.entries(pkg.manifest.publishConfig.exports)
    .filter(([key]) => key !== "./package.json")
    .map(([key, conditions]) => ({
      specifier: key === "." ? pkg.name : `${pkg.name}/${key.slice(2)}`,
      cjs: JSON.stringify(conditions).includes('"require"'),
    }));
}
