// `pnpm pack:tarballs`: builds every published package and packs it into
// tarballs/, the files an application installs with npm before the packages
// are on the registry (or to try a change before it is released).
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { basename, join } from "node:path";
import { pack, publishedPackages, ROOT } from "./packages.mjs";

const destination = join(ROOT, "tarballs");
mkdirSync(destination, { recursive: true });
execFileSync("pnpm", ["build"], { cwd: ROOT, stdio: "inherit" });
for (const pkg of publishedPackages()) {
  const { tarball } = pack(pkg, destination);
  console.log(`${pkg.name}: tarballs/${basename(tarball)}`);
}
