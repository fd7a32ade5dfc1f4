import { resolve } from "node:path";

/**
 * The test projects of the monorepo. The root `vitest.config.ts` hands this
 * list to `test.projects`; every project extends the root config, so the
 * `@rookery/*` source aliases below apply everywhere and tests run against
 * `src/` without a build.
 */
const here = import.meta.dirname;
const packageNames = ["policy", "core", "memory", "testing"] as const;

export const sourceAliases = packageNames.map((name) => ({
  find: new RegExp(`^@rookery/${name}$`),
  replacement: resolve(here, "packages", name, "src", "index.ts"),
}));

export const projects = [
  ...packageNames.map((name) => ({
    extends: true as const,
    test: {
      name,
      root: resolve(here, "packages", name),
      typecheck: { enabled: true, include: ["src/**/*.test-d.ts"] },
    },
  })),
  { extends: true as const, test: { name: "examples", root: resolve(here, "examples") } },
];
