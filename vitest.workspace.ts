import { resolve } from "node:path";

/**
 * The test projects of the monorepo. The root `vitest.config.ts` hands this
 * list to `test.projects`; every project extends the root config, so the
 * `@rookery/source` export condition set there applies everywhere and tests
 * run against `src/` without a build.
 */
const here = import.meta.dirname;
const packageNames = ["policy", "core", "memory", "testing", "nile"] as const;

export const projects = [
  ...packageNames
    .filter((name) => name !== "nile")
    .map((name) => ({
      extends: true as const,
      test: {
        name,
        root: resolve(here, "packages", name),
        typecheck: { enabled: true, include: ["src/**/*.test-d.ts"] },
      },
    })),
  {
    // Runs against a real PostgreSQL that its global setup starts (or TEST_DATABASE_URL).
    extends: true as const,
    test: {
      name: "nile",
      root: resolve(here, "packages", "nile"),
      include: ["src/**/*.test.ts", "bench/**/*.test.ts"],
      globalSetup: [resolve(here, "packages", "nile", "test-support", "global-setup.ts")],
      testTimeout: 60_000,
      hookTimeout: 60_000,
    },
  },
  { extends: true as const, test: { name: "examples", root: resolve(here, "examples") } },
  { extends: true as const, test: { name: "benchmarks", root: resolve(here, "benchmarks") } },
  // The workspace's own tooling: source resolution, package checks.
  { extends: true as const, test: { name: "workspace", root: resolve(here, "scripts") } },
];
