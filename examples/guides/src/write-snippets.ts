import { readFileSync, writeFileSync } from "node:fs";
import { blocksOf, guideFiles, sourceRegions } from "./snippets.js";

// Rewrites every marked block of the checked pages (docs/, the READMEs) from its
// region, so a change to the code is carried into the docs by one command; the
// sync test checks it.
for (const path of guideFiles()) {
  const lines = readFileSync(path, "utf8").split("\n");
  // Last block first, so earlier line numbers stay valid while splicing.
  for (const block of blocksOf(path).reverse()) {
    if (block.snippet === null) continue;
    const region = sourceRegions(block.snippet.file)?.get(block.snippet.region);
    if (region === undefined) {
      console.error(
        `${block.guide}:${block.line}: no region ${block.snippet.file}#${block.snippet.region}`,
      );
      process.exitCode = 1;
      continue;
    }
    lines.splice(block.start, block.end - block.start, ...region.split("\n"));
  }
  writeFileSync(path, lines.join("\n"));
}
