import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Hono runs on web-standard runtimes (workers, Deno, Bun), so this package and
// the neutral layer under it use web APIs only: no Node module, no Node global.
const sources = ["../../hono/src", "../../http/src"].flatMap((dir) => {
  const root = join(import.meta.dirname, dir);
  return readdirSync(root)
    .filter(
      (name) => name.endsWith(".ts") && !/\.test(-d)?\.ts$/.test(name) && name !== "test-app.ts",
    )
    .map((name) => ({ name: join(dir, name), text: readFileSync(join(root, name), "utf8") }));
});

describe("web-standard sources", () => {
  it("finds the sources", () => {
    expect(sources.length).toBeGreaterThan(8);
  });

  it.each(sources.map((s) => [s.name, s.text]))("%s uses no Node API", (_, text) => {
    expect(text).not.toMatch(/from "(node:|fs|path|http|crypto|stream|buffer|async_hooks)/);
    expect(text).not.toMatch(/\b(Buffer|process|require|__dirname|setImmediate)\b/);
  });
});
