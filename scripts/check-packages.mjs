// Checks every published package as pnpm packs it, so that a broken exports
// map, a missing file or a workspace-only condition fails CI rather than a
// user's install: publint (strict) and "are the types wrong" on the tarball,
// LICENSE and README.md in it, and the workspace's exports map equal to the
// published one plus the source condition, first, on a file that exists.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { pack, publishedPackages, SOURCE_CONDITION } from "./packages.mjs";

/** What is wrong with the workspace exports map against `publishConfig.exports`. */
function exportsProblems(pkg) {
  const local = pkg.manifest.exports ?? {};
  const published = pkg.manifest.publishConfig?.exports;
  if (published === undefined) return ["no publishConfig.exports"];
  const problems = [];
  for (const key of new Set([...Object.keys(local), ...Object.keys(published)])) {
    const value = local[key];
    if (typeof value === "string" || value === undefined) {
      if (!isDeepStrictEqual(value, published[key])) problems.push(`${key} differs`);
      continue;
    }
    const { [SOURCE_CONDITION]: source, ...rest } = value;
    if (Object.keys(value)[0] !== SOURCE_CONDITION) {
      problems.push(`${key} does not start with the "${SOURCE_CONDITION}" condition`);
    } else if (!existsSync(join(pkg.dir, source))) {
      problems.push(`${key}: ${source} does not exist`);
    }
    if (!isDeepStrictEqual(rest, published[key])) {
      problems.push(`${key} differs from publishConfig.exports`);
    }
  }
  return problems;
}

const scratch = mkdtempSync(join(tmpdir(), "rookery-packages-"));
let failed = 0;
const fail = (pkg, message) => {
  failed += 1;
  console.error(`${pkg.name}: ${message}`);
};
try {
  for (const pkg of publishedPackages()) {
    for (const problem of exportsProblems(pkg)) fail(pkg, `exports: ${problem}`);
    const { tarball, files } = pack(pkg, scratch);
    for (const file of ["LICENSE", "README.md"]) {
      if (!files.includes(file)) fail(pkg, `${file} is not in the tarball`);
    }
    // A package without a require condition is ESM only on purpose: attw's esm-only profile.
    const esmOnly = !JSON.stringify(pkg.manifest.publishConfig?.exports).includes('"require"');
    for (const [cmd, args] of [
      ["publint", ["run", "--strict", tarball]],
      ["attw", esmOnly ? ["--profile", "esm-only", tarball] : [tarball]],
    ]) {
      try {
        execFileSync("pnpm", ["exec", cmd, ...args], { cwd: pkg.dir, stdio: "inherit" });
      } catch {
        fail(pkg, `${cmd} failed`);
      }
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (failed > 0) process.exit(1);
console.log("package checks passed");
