// Runs publint (strict) and "are the types wrong" on every published package,
// so that a broken exports map fails CI rather than a user's install.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "packages");
let failed = 0;
for (const dir of readdirSync(root)) {
  const pkgDir = join(root, dir);
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  if (pkg.private) continue;
  for (const [cmd, args] of [
    ["publint", ["--strict"]],
    ["attw", ["--pack", "."]],
  ]) {
    try {
      execFileSync("pnpm", ["exec", cmd, ...args], { cwd: pkgDir, stdio: "inherit" });
    } catch {
      failed += 1;
      console.error(`${cmd} failed for ${pkg.name}`);
    }
  }
}
if (failed > 0) process.exit(1);
console.log("package checks passed");
